package org.modelkey.data;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Images that two sets share pixel for pixel: the check behind an attack's precondition that the
 * attacker's own images are none of the test images it is scored on (ICIP 2021, Sec. 3.4 and Table 2).
 */
public final class ImageOverlap {

    private ImageOverlap() {}

    /**
     * Holds only {@code a}'s images in memory and reads {@code b} through once, so a small set (the
     * attacker's) is checked against a large one (a training set) at the small one's cost.
     *
     * @return how many images of {@code a} equal, pixel for pixel, some image of {@code b}
     */
    public static int count(ImageSource a, ImageSource b) throws IOException {
        Map<Pixels, Integer> copies = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            copies.merge(a.sample(i).image(), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i < b.size() && !copies.isEmpty(); i++) {
            Integer found = copies.remove(b.sample(i).image());
            shared += found == null ? 0 : found;
        }
        return shared;
    }
}
