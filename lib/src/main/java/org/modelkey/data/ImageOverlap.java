package org.modelkey.data;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Images that two sets share pixel for pixel: the check behind an attack's precondition that the
 * attacker's own images are none of the test images it is scored on (ICIP 2021, Sec. 3.4 and Table 2).
 */
public final class ImageOverlap {

    private ImageOverlap() {}

    /** @return how many images of {@code a} equal, pixel for pixel, some image of {@code b} */
    public static int count(ImageSource a, ImageSource b) throws IOException {
        Set<Pixels> seen = new HashSet<>();
        for (int i = 0; i < b.size(); i++) {
            seen.add(b.sample(i).image());
        }
        int shared = 0;
        for (int i = 0; i < a.size(); i++) {
            shared += seen.contains(a.sample(i).image()) ? 1 : 0;
        }
        return shared;
    }
}
