package org.modelkey;

import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

class ProfileTest {
    @Test
    void defaultsToDemo() {
        assertEquals(Profile.DEMO, Profile.current(Map.of()));
        assertEquals(Profile.SMOKE, Profile.current(Map.of(Profile.PROFILE_VARIABLE, " Smoke ")));
    }

    @Test
    void unknownProfileNamesTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertTrue(e.getMessage().contains("smoke, demo, paper"), e.getMessage());
    }

    @Test
    void picksBySettingAndKeepsSmokeOutOfCommittedFolders() {
        assertEquals(3, Profile.PAPER.pick(1, 2, 3));
        assertTrue(Profile.SMOKE.resultsDir().toString().contains("target/smoke/results/smoke"));
        assertTrue(Profile.DEMO.figuresDir().endsWith("paper-figures/demo"));
    }

    @Test
    void seedComesFromModelkeySeedWithAClearErrorOnANonNumber() {
        assertEquals(20210901L, Profile.seed(Map.of()));
        assertEquals(42L, Profile.seed(Map.of(Profile.SEED_VARIABLE, " 42 ")));
        var e = assertThrows(IllegalArgumentException.class, () -> Profile.seed(Map.of(Profile.SEED_VARIABLE, "forty")));
        assertTrue(e.getMessage().contains("MODELKEY_SEED='forty' is not a whole number"), e.getMessage());
    }

    @Test
    void aRehearsalIsOfThePaperProfileOnly() {
        assertTrue(Profile.rehearsal(Map.of(Profile.REHEARSAL_VARIABLE, "1")));
        assertFalse(Profile.rehearsal(Map.of(Profile.REHEARSAL_VARIABLE, "0")));
        assertFalse(Profile.rehearsal(Map.of()));
        assertEquals(Profile.PAPER, Profile.current(Map.of(Profile.PROFILE_VARIABLE, "paper", Profile.REHEARSAL_VARIABLE, "1")));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Profile.current(Map.of(Profile.PROFILE_VARIABLE, "demo", Profile.REHEARSAL_VARIABLE, "1")));
        assertTrue(e.getMessage().contains("MODELKEY_PROFILE=paper"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Profile.rehearsal(Map.of(Profile.REHEARSAL_VARIABLE, "yes")));
        assertTrue(e.getMessage().contains("set it to 1"), e.getMessage());
    }

    @Test
    void aRehearsalCapsCountsAndSaysSo() {
        var out = new java.io.ByteArrayOutputStream();
        var log = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(100, Profile.capped(false, "incorrect keys", 100, 5, log));
        assertEquals(3, Profile.capped(true, "incorrect keys", 3, 5, log));
        assertEquals("", out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(5, Profile.capped(true, "incorrect keys", 100, 5, log));
        assertEquals("rehearsal: incorrect keys capped at 5 (paper: 100)\n", out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> Profile.capped(true, "keys", 100, 0, log));
        assertEquals(0, Profile.DEMO.stepCap(), "only the paper profile is rehearsed");
        assertEquals(Profile.rehearsal(System.getenv()) ? Profile.REHEARSAL_STEPS : 0, Profile.PAPER.stepCap(),
                "the paper profile caps its steps exactly when MODELKEY_REHEARSAL=1 is set");
        assertEquals("demo", Profile.DEMO.describe());
        assertTrue(Profile.PAPER.describe().startsWith("paper"), Profile.PAPER.describe());
    }
}
