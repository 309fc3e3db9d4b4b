package org.modelkey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void networksOfOneSpecCountTheSameParametersAndAWiderOneMore() {
        ModelSpec spec = ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(4);
        try (Network a = Network.create(spec); Network b = Network.create(spec);
                Network wider = Network.create(ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(8))) {
            assertTrue(a.parameterCount() > 0);
            assertEquals(a.parameterCount(), b.parameterCount());
            assertTrue(wider.parameterCount() > a.parameterCount());
        }
    }
}
