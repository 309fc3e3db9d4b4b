package org.modelkey.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class NumbersTest {

    @Test
    void roundsHalfUpAndKeepsNaN() {
        assertEquals(3.14, Numbers.round(3.14159, 2));
        assertEquals(2.5, Numbers.round(2.45, 1));
        assertEquals(12.0, Numbers.round(11.5, 0));
        assertTrue(Double.isNaN(Numbers.round(Double.NaN, 3)));
        assertThrows(IllegalArgumentException.class, () -> Numbers.round(1, -1));
    }

    @Test
    void printsFractionsAsPercentWithTwoDecimals() {
        assertEquals(73.46, Numbers.percent(0.73456));
        assertEquals(100.0, Numbers.percent(1));
        assertEquals(2.0, Numbers.percent(1.0 / 50));
        assertTrue(Double.isNaN(Numbers.percent(Double.NaN)), "a value not measured stays missing");
    }

    @Test
    void turnsFractionColumnsIntoPercentInPlace() {
        Table t = Table.create("t", DoubleColumn.create("plain", 0.5, 0.123456), DoubleColumn.create("fraction", 0.1, 0.2));
        assertSame(t, Numbers.percent(t, "plain"));
        assertEquals(List.of("plain", "fraction"), t.columnNames());
        assertEquals(50.0, t.doubleColumn("plain").get(0));
        assertEquals(12.35, t.doubleColumn("plain").get(1));
        assertEquals(0.2, t.doubleColumn("fraction").get(1), "columns not named stay as they are");
    }

    @Test
    void printsLargeCountsAsMantissaAndExponent() {
        assertEquals("4096", Numbers.compact(BigInteger.TWO.pow(12)));
        assertEquals("999999", Numbers.compact(BigInteger.valueOf(999_999)));
        assertEquals("2.81e14", Numbers.compact(BigInteger.TWO.pow(48)));
        assertEquals("1.00e6", Numbers.compact(BigInteger.valueOf(1_000_000)));
    }
}
