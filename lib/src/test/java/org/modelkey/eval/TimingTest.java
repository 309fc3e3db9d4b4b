package org.modelkey.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void warmsUpThenKeepsTheFastestRun() {
        AtomicInteger calls = new AtomicInteger();
        double seconds = Timing.fastestSeconds(() -> {
            long until = System.nanoTime() + (calls.incrementAndGet() == Timing.WARM_UP + 1 ? 1_000_000 : 20_000_000);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }, 3);
        assertEquals(Timing.WARM_UP + 3, calls.get());
        assertTrue(seconds >= 0.001 && seconds < 0.02, "fastest run " + seconds + " s, the 1 ms one expected");
    }

    @Test
    void refusesNoTimedRun() {
        var e = assertThrows(IllegalArgumentException.class, () -> Timing.fastestSeconds(() -> {}, 0));
        assertTrue(e.getMessage().contains("at least one timed run"));
    }
}
