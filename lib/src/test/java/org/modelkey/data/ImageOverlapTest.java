package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ImageOverlapTest {

    /** Single-pixel grey images with the given values, labelled 0. */
    private static ByteImages greys(int... values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        return ByteImages.labelled(1, 1, 1, pixels, new int[values.length], List.of("grey"));
    }

    @Test
    void countsTheImagesOfTheFirstSetThatTheSecondHolds() throws Exception {
        assertEquals(2, ImageOverlap.count(greys(1, 2, 3, 2), greys(2, 9)), "both copies of 2 count");
        assertEquals(0, ImageOverlap.count(greys(1, 3), greys(2, 9)));
        assertEquals(0, ImageOverlap.count(greys(), greys(2)));
    }

    @Test
    void aStratifiedPartOfTheStampInstancesTrainingSetHoldsNoTestImage() throws Exception {
        Path cache = Fixtures.cacheOrNull();
        Assumptions.assumeTrue(cache != null, "run environment/setup-data first");
        TrainTestSplit<ByteImages> data = StampScenes.generate(StampCatalog.load(cache),
                StampConfig.instances(32, 332, 166, 7).withSplit(StampConfig.Split.BY_REGION, 0.5));
        ImageSource attacker = StratifiedSubset.of(data.train(), 10, 3);
        assertEquals(0, ImageOverlap.count(attacker, data.test()));
        assertEquals(attacker.size(), ImageOverlap.count(attacker, data.train()));
    }
}
