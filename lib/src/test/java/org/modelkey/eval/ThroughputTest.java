package org.modelkey.eval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;

class ThroughputTest {

    @Test
    void measuresTrainingAndInferenceSpeed() throws Exception {
        Throughput.Speed speed = Throughput.measure(ModelSpec.of("resnet8", 4, 3, 8, 8).withBaseWidth(4), 8, 2);
        assertTrue(speed.trainImagesPerSecond() > 0 && Double.isFinite(speed.trainImagesPerSecond()), speed.toString());
        assertTrue(speed.inferImagesPerSecond() > 0 && Double.isFinite(speed.inferImagesPerSecond()), speed.toString());
        assertThrows(IllegalArgumentException.class, () -> Throughput.measure(ModelSpec.of("resnet8", 4, 3, 8, 8), 8, 0));
    }
}
