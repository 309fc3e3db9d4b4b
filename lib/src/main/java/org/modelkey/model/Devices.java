package org.modelkey.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Chooses where a network runs: every GPU the engine sees (up to a limit), else the CPU. */
public final class Devices {

    private Devices() {}

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
                throw new IllegalStateException("a GPU is required but the " + engine.getEngineName()
                        + " engine sees none (CUDA build: " + engine.hasCapability("CUDA")
                        + "): run on a machine with an NVIDIA GPU and a CUDA build of the PyTorch native"
                        + " library (pytorch-native-cu*), or use a profile that runs on the CPU (smoke, demo)");
            }
            return new Device[] {Device.cpu()};
        }
        return engine.getDevices(Math.min(gpus, maxGpus));
    }
}
