package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void aNameGivesItsOwnRepeatableSeed() {
        assertEquals(Seeds.derive(42, "incorrect-keys"), Seeds.derive(42, "incorrect-keys"));
        Set<Long> seen = new HashSet<>();
        for (long base : new long[] {0, 1, 42, 20210901L}) {
            for (String name : List.of("incorrect-keys", "incorrect-key", "attacker-start-key", "np-key", "a", "b")) {
                assertTrue(seen.add(Seeds.derive(base, name)), base + "/" + name + " collides");
            }
        }
        assertNotEquals(42, Seeds.derive(42, "incorrect-keys"));
        String unnamed = assertThrows(IllegalArgumentException.class, () -> Seeds.derive(42, " ")).getMessage();
        assertTrue(unnamed.contains("name"), unnamed);
    }
}
