package org.modelkey.transform;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Constant arrays (index maps, lookup tables) copied once to each device they are used on, so a
 * transform on the GPU does not re-upload its tables for every batch. Owns one manager per device.
 */
final class DeviceArrays implements AutoCloseable {

    private final Map<Device, NDManager> managers = new ConcurrentHashMap<>();
    private final Map<String, NDArray> arrays = new ConcurrentHashMap<>();

    /** The constant {@code name} on the device of {@code like}, created by {@code create} the first time. */
    NDArray get(String name, NDArray like, Function<NDManager, NDArray> create) {
        Device device = like.getDevice();
        return arrays.computeIfAbsent(name + "@" + device, k -> {
            NDManager manager = managers.computeIfAbsent(device, d -> like.getManager().getEngine().newBaseManager(d));
            return create.apply(manager);
        });
    }

    @Override
    public void close() {
        managers.values().forEach(NDManager::close);
        managers.clear();
        arrays.clear();
    }
}
