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
        Tracker t = LearningRateSchedule.cosineWarmRestarts(0.1f, 1e-4f, 10).tracker(5, 100); // 10 cycles: T = 50 steps
        assertEquals(0.1f, t.getNewValue(0), 1e-7f);
        assertEquals((0.1f + 1e-4f) / 2, t.getNewValue(25), 1e-6f);
        assertTrue(t.getNewValue(49) < 0.0003f);
        assertEquals(0.1f, t.getNewValue(50), 1e-7f);
        assertEquals(t.getNewValue(12), t.getNewValue(62), 1e-7f);
        // 12 epochs of 25 steps in 10 cycles: a restart every 30 steps, not every epoch
        Tracker shortRun = LearningRateSchedule.cosineWarmRestarts(0.1f, 1e-4f, 10).tracker(25, 12);
        assertTrue(shortRun.getNewValue(25) < 0.01f, "no restart at the end of the first epoch");
        assertEquals(0.1f, shortRun.getNewValue(30), 1e-7f);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.cosineWarmRestarts(0.1f, 1e-4f, 0)).getMessage().contains("at least one"));
    }

    @Test
    void badSettingsSayWhatToGive() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OneCycleTracker(0f, 10))
                .getMessage().contains("must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CosineWarmRestartsTracker(0.1f, 0.2f, 10))
                .getMessage().contains("minimum < maximum"));
    }
}
