package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmMnistTest {

    @TempDir
    Path dir;

    private void writeDigits(int valuesOfDigit3) throws IOException {
        for (int d = 0; d < 10; d++) {
            int values = d == 3 ? valuesOfDigit3 : 784 * (d % 2 + 1);
            StringJoiner data = new StringJoiner(",", "{ \"data\": [", "]}");
            for (int i = 0; i < values; i++) {
                data.add(i == 0 ? "0.2" : i == 1 ? "1" : "0");
            }
            Files.writeString(dir.resolve(d + ".json"), data.toString());
        }
    }

    @Test
    void readsTheDigitJsonFiles() throws IOException {
        writeDigits(784);
        ByteImages set = NpmMnist.fromDigitFolder(dir);
        assertEquals(14, set.size());
        assertEquals(0, set.label(0));
        assertEquals(1, set.label(1));
        assertEquals(9, set.label(13));
        Sample s = set.sample(3);
        assertEquals(28, s.image().height());
        assertEquals(51 / 255f, s.image().data()[0], 1e-6);
        assertEquals(1f, s.image().data()[1]);
    }

    @Test
    void aTruncatedDigitFileIsNamed() throws IOException {
        writeDigits(800);
        var e = assertThrows(IOException.class, () -> NpmMnist.fromDigitFolder(dir));
        assertTrue(e.getMessage().contains("3.json") && e.getMessage().contains("not a multiple of 784"), e.getMessage());
    }

    @Test
    void aMissingDigitFileIsNamed() throws IOException {
        writeDigits(784);
        Files.delete(dir.resolve("7.json"));
        var e = assertThrows(IllegalStateException.class, () -> NpmMnist.fromDigitFolder(dir));
        assertTrue(e.getMessage().contains("7.json"), e.getMessage());
    }

    @Test
    void theEmbeddedDigitsAreTenThousand() throws IOException {
        Path cache = Fixtures.cacheOrNull();
        Assumptions.assumeTrue(cache != null, "run environment/setup-data first");
        ByteImages set = NpmMnist.load(cache);
        assertEquals(10_000, set.size());
        TrainTestSplit<ImageSource> split = StratifiedSubset.split(set, 20, 1);
        assertEquals(10_000, split.train().size() + split.test().size());
    }
}
