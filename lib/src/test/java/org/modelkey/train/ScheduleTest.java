package org.modelkey.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void oneCycleRisesToItsPeakAtTwoFifthsAndFallsToZero() {
        Tracker t = LearningRateSchedule.oneCycle(0.2f).tracker(10, 10); // 100 steps, peak at 40
        assertEquals(0f, t.getNewValue(0));
        assertEquals(0.1f, t.getNewValue(20), 1e-6f);
        assertEquals(0.2f, t.getNewValue(40), 1e-6f);
        assertEquals(0.1f, t.getNewValue(70), 1e-6f);
        assertEquals(0f, t.getNewValue(100), 1e-6f);
        assertEquals(0f, t.getNewValue(120));
    }

    @Test
    void cosineRestartsEveryPeriod() {
        Tracker t = LearningRateSchedule.cosineWarmRestarts(0.1f, 1e-4f, 10).tracker(5, 100); // T = 50 steps
        assertEquals(0.1f, t.getNewValue(0), 1e-7f);
        assertEquals((0.1f + 1e-4f) / 2, t.getNewValue(25), 1e-6f);
        assertTrue(t.getNewValue(49) < 0.0003f);
        assertEquals(0.1f, t.getNewValue(50), 1e-7f);
        assertEquals(t.getNewValue(12), t.getNewValue(62), 1e-7f);
    }

    @Test
    void badSettingsSayWhatToGive() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OneCycleTracker(0f, 10))
                .getMessage().contains("must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CosineWarmRestartsTracker(0.1f, 0.2f, 10))
                .getMessage().contains("minimum < maximum"));
    }
}
