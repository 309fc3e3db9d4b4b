package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modelkey.data.ByteImages;
import org.modelkey.data.HorizontalFlip;
import org.modelkey.data.ImageSource;
import org.modelkey.data.Sample;
import org.modelkey.data.TrainTestSplit;

class SegmentationDataTest {

    @Test
    void theValidationShareIsASeededPartOfTheTrainingImagesDisjointFromTraining() throws IOException {
        ByteImages train = images(40, 8);
        ByteImages test = images(10, 8);
        SegmentationData data = SegmentationData.of(new TrainTestSplit<>(train, test), 8, 0.25, 4, 5, new HorizontalFlip(0.5), false, 3);
        assertEquals(30, data.train().size());
        assertEquals(10, data.validation().size());
        assertEquals(10, data.test().size());
        Set<String> seen = new HashSet<>();
        for (ImageSource s : new ImageSource[] {data.train().source(), data.validation().source()}) {
            for (int i = 0; i < s.size(); i++) {
                assertTrue(seen.add(java.util.Arrays.toString(s.sample(i).mask())), "an image in both sets");
            }
        }
        SegmentationData again = SegmentationData.of(new TrainTestSplit<>(train, test), 8, 0.25, 4, 5, new HorizontalFlip(0.5), false, 3);
        Sample first = data.validation().source().sample(0);
        assertArrayEquals(first.mask(), again.validation().source().sample(0).mask(), "seeded");
    }

    /** {@code count} side×side images with masks whose first pixel is the image's index (tells them apart). */
    private static ByteImages images(int count, int side) {
        int plane = side * side;
        byte[] masks = new byte[count * plane];
        for (int i = 0; i < count; i++) {
            masks[i * plane] = (byte) i;
        }
        return new ByteImages(count, 3, side, side, java.nio.ByteBuffer.wrap(new byte[count * 3 * plane]), null,
                java.nio.ByteBuffer.wrap(masks), new int[count], java.util.List.of("background", "object"));
    }

    @Test
    void aShareThatLeavesNoImagesIsRefused() throws IOException {
        ByteImages few = images(3, 8);
        var split = new TrainTestSplit<>(few, few);
        var e = assertThrows(IllegalArgumentException.class, () -> SegmentationData.of(split, 8, 0.1, 4, 5, new HorizontalFlip(0.5), false, 3));
        assertTrue(e.getMessage().contains("cannot spare"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SegmentationData.of(split, 8, 1.0, 4, 5, new HorizontalFlip(0.5), false, 3));
        assertTrue(e.getMessage().contains("strictly between 0 and 1"), e.getMessage());
    }
}
