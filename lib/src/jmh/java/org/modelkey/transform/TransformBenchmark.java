package org.modelkey.transform;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Single-thread time of the float-array transforms against a plain {@code System.arraycopy} of the
 * same batch, in the same run. Sampled per call, so the fastest and median calls can be read even
 * on a shared machine (MB/s = 4 bytes × values / time).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class TransformBenchmark {

    /** A batch of 8-bit images (k/255): 4 of 224×224×3 or 64 of 32×32×3, and an output array. */
    @State(Scope.Thread)
    public static class Batch {
        @Param({"224", "32"})
        public int side;
        int count;
        float[] src;
        float[] dst;

        @Setup
        public void setUp() {
            count = side == 224 ? 4 : 64;
            src = new float[count * 3 * side * side];
            dst = new float[src.length];
            SplittableRandom rng = new SplittableRandom(1);
            for (int i = 0; i < src.length; i++) {
                src[i] = rng.nextInt(256) / 255f;
            }
        }
    }

    /** The transform under test. */
    @State(Scope.Thread)
    public static class Keyed {
        @Param({"SHF", "NP", "FFX"})
        public KeyKind kind;
        @Param({"2", "4", "16"})
        public int blockSize;
        BlockTransform transform;
        float[] encrypted;

        @Setup
        public void setUp(Batch batch) {
            transform = BlockTransform.of(SecretKey.fromSeed(kind, blockSize, 3, 1));
            encrypted = transform.encrypt(batch.src, batch.count, batch.side, batch.side);
        }
    }

    @Benchmark
    public float[] memoryCopy(Batch b) {
        System.arraycopy(b.src, 0, b.dst, 0, b.src.length);
        return b.dst;
    }

    @Benchmark
    public float[] encrypt(Batch b, Keyed k) {
        k.transform.encrypt(b.src, b.dst, b.count, b.side, b.side);
        return b.dst;
    }

    @Benchmark
    public float[] decrypt(Batch b, Keyed k) {
        k.transform.decrypt(k.encrypted, b.dst, b.count, b.side, b.side);
        return b.dst;
    }
}
