package org.modelkey.transform;

import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.concurrent.TimeUnit;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time of the NDArray (engine) path on a 64×3×32×32 batch beside one inference forward pass of
 * ResNet-18 (CIFAR-sized, DJL's ResNetV1) on the same batch and engine, both on one CPU thread.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class NDArrayTransformBenchmark {

    /** A 64×3×32×32 batch of 8-bit values and the transform under test, at M = 4. */
    @State(Scope.Thread)
    public static class Keyed {
        @Param({"SHF", "NP", "FFX"})
        public KeyKind kind;
        NDManager manager;
        NDArray batch;
        BlockTransform transform;

        @Setup
        public void setUp() {
            manager = NDManager.newBaseManager();
            batch = manager.randomInteger(0, 256, new Shape(64, 3, 32, 32), DataType.INT32)
                    .toType(DataType.FLOAT32, false).div(255f);
            transform = BlockTransform.of(SecretKey.fromSeed(kind, 4, 3, 1));
        }

        @TearDown
        public void tearDown() {
            transform.close();
            manager.close();
        }
    }

    @Benchmark
    public long encryptBatch(Keyed k) {
        try (NDArray y = k.transform.encrypt(k.batch)) {
            return y.size();
        }
    }

    /** ResNet-18 (random weights) with its input batch, for scale. */
    @State(Scope.Thread)
    public static class Network {
        NDManager manager;
        Block resnet;
        ParameterStore store;
        NDArray input;

        @Setup
        public void setUp() {
            manager = NDManager.newBaseManager();
            resnet = ResNetV1.builder().setImageShape(new Shape(3, 32, 32)).setNumLayers(18).setOutSize(10).build();
            resnet.initialize(manager, DataType.FLOAT32, new Shape(64, 3, 32, 32));
            store = new ParameterStore(manager, false);
            input = manager.randomUniform(0f, 1f, new Shape(64, 3, 32, 32));
        }

        @TearDown
        public void tearDown() {
            manager.close();
        }
    }

    @Benchmark
    public long resnet18Forward(Network n) {
        try (NDManager scope = n.manager.newSubManager()) {
            NDList out = n.resnet.forward(n.store, new NDList(n.input), false);
            out.attach(scope);
            return out.singletonOrThrow().size();
        }
    }
}
