package org.modelkey.report;

import org.modelkey.Profile;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

class ClaimsTest {
    @Test
    void failingClaimFailsDemoButNotSmoke() {
        Claims demo = new Claims(Profile.DEMO).check("a", true, "1 > 0").check("b", false, "0.1 < 0.5");
        AssertionError e = assertThrows(AssertionError.class, demo::verify);
        assertTrue(e.getMessage().contains("1 of 2 claims failed"), e.getMessage());
        Claims smoke = new Claims(Profile.SMOKE).check("b", false, "tiny model");
        assertEquals(1, smoke.verify().rowCount());
        assertEquals(1, smoke.failures());
    }

    @Test
    void passingClaimsReturnTheirTable() {
        var t = new Claims(Profile.PAPER).check("a", true, "ok").verify();
        assertEquals("PASS", t.stringColumn("result").get(0));
    }

    @Test
    void anEmptyClaimsCellIsAnError() {
        assertThrows(IllegalStateException.class, () -> new Claims(Profile.DEMO).verify());
    }
}
