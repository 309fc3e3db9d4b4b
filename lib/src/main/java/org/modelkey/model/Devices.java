package org.modelkey.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintStream;
import java.util.Arrays;
import org.modelkey.Profile;

/**
 * Chooses where a network runs: every GPU the engine sees (up to a limit), else the CPU. Training
 * on several GPUs is DJL's data parallelism: the trainer holds a copy of the parameters on each
 * device and each batch is split across them ({@code Batch.split}), gradients summed on the first.
 */
public final class Devices {

    private Devices() {}

    /**
     * The devices a notebook of {@code profile} runs on, printed to {@code log}: at {@code paper}
     * every visible GPU, and a machine without one is an error; in the rehearsal of {@code paper}
     * ({@link Profile#isRehearsal}) the CPU, said so; at {@code smoke} and {@code demo} every GPU,
     * else the CPU.
     *
     * @throws IllegalStateException at {@code paper} (not rehearsed) when the engine sees no GPU
     */
    public static Device[] forProfile(Profile profile, PrintStream log) {
        Device[] devices;
        String why;
        if (profile.isRehearsal()) {
            devices = new Device[] {Device.cpu()};
            why = "the rehearsal of the paper profile runs on the CPU by design (" + Profile.REHEARSAL_VARIABLE + ")";
        } else {
            devices = choose(profile.isPaper(), Integer.MAX_VALUE);
            int gpus = Engine.getInstance().getGpuCount();
            why = gpus == 0 ? "the engine sees no GPU" : devices.length + " of the " + gpus + " GPUs the engine sees";
        }
        log.printf("devices %s: %s%n", Arrays.toString(devices), why);
        return devices;
    }

    /**
     * @param requireGpu fail instead of falling back to the CPU (the paper profile needs a GPU)
     * @param maxGpus the most GPUs to use; at least 1
     * @throws IllegalStateException if {@code requireGpu} and the engine sees no GPU
     */
    public static Device[] choose(boolean requireGpu, int maxGpus) {
        if (maxGpus < 1) {
            throw new IllegalArgumentException("maxGpus " + maxGpus + " must be at least 1");
        }
        Engine engine = Engine.getInstance();
        int gpus = engine.getGpuCount();
        if (gpus == 0) {
            if (requireGpu) {
                throw new IllegalStateException("a GPU is required but the " + engine.getEngineName() + " engine "
                        + engine.getVersion() + " sees none (CUDA build: " + engine.hasCapability("CUDA") + "): on a"
                        + " machine with an NVIDIA GPU, replace the pytorch-native-cpu dependency of lib/pom.xml by the"
                        + " CUDA build DJL publishes for PyTorch " + engine.getVersion() + " (pytorch-native-cu*, the"
                        + " flavour matching the driver), or set PYTORCH_LIBRARY_PATH to a CUDA libtorch of that version"
                        + " (README, \"Running at paper scale\"); to rehearse the paper profile on the CPU set "
                        + Profile.REHEARSAL_VARIABLE + "=1; or use a profile that runs on the CPU (smoke, demo)");
            }
            return new Device[] {Device.cpu()};
        }
        return engine.getDevices(Math.min(gpus, maxGpus));
    }
}
