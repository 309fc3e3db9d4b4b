package org.modelkey.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modelkey.io.AtomicFiles;
import org.modelkey.model.Network;
import org.modelkey.model.PretrainedWeights;

/**
 * A resumable training state in one atomically written file: where the run is (epoch, batch within
 * the epoch, global step, the epoch's running sums), the settings it must be resumed with, the
 * network's parameters (BatchNorm running statistics included) and the optimizer's momentum.
 */
public final class Checkpoint {

    private static final String MAGIC = "modelkey-checkpoint";
    private static final int VERSION = 1;
    private static final Gson GSON = new Gson();

    /** Position in the run and the partial sums of the current epoch. */
    public record Progress(int epoch, int batchInEpoch, int globalStep, double lossSum, long correct, long seen) {
        static final Progress START = new Progress(0, 0, 0, 0, 0, 0);
    }

    /** Settings that must not change between a run and its resumption. */
    public record Settings(String model, int batchSize, int stepsPerEpoch, int epochs, long seed) {}

    private record Header(Settings settings, Progress progress) {}

    private Checkpoint() {}

    /** Writes the state atomically (a crash leaves the previous checkpoint intact). */
    public static void save(Path file, Network network, SelectiveDecaySgd optimizer, Settings settings,
            Progress progress) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(out));
            dos.writeUTF(MAGIC);
            dos.writeInt(VERSION);
            dos.writeUTF(GSON.toJson(new Header(settings, progress)));
            network.block().saveParameters(dos);
            Map<String, NDArray> velocities = optimizer.velocities();
            dos.writeInt(velocities.size());
            for (Map.Entry<String, NDArray> e : velocities.entrySet()) {
                dos.writeUTF(e.getKey());
                byte[] bytes = e.getValue().encode();
                dos.writeInt(bytes.length);
                dos.write(bytes);
            }
            dos.flush();
        });
    }

    /**
     * Reads a checkpoint into {@code network} and {@code optimizer} and returns where to go on.
     *
     * @throws IllegalArgumentException if it was written by a run with other settings or another
     *     architecture
     */
    public static Progress load(Path file, Network network, SelectiveDecaySgd optimizer, Settings expected)
            throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new IllegalArgumentException(file + " is not a modelkey checkpoint (version " + VERSION
                        + "): delete it to start the run afresh, or point the run at its own checkpoint");
            }
            Header header = GSON.fromJson(in.readUTF(), Header.class);
            if (!header.settings().equals(expected)) {
                throw new IllegalArgumentException("checkpoint " + file + " belongs to a run with settings "
                        + header.settings() + " but this run has " + expected
                        + ": resume with the same settings, or delete the checkpoint to start afresh");
            }
            NDManager manager = network.model().getNDManager();
            PretrainedWeights.loadChecked(network, file.toString(), () -> network.block().loadParameters(manager, in));
            int count = in.readInt();
            Map<String, NDArray> velocities = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                velocities.put(name, manager.decode(in.readNBytes(in.readInt())));
            }
            optimizer.restoreVelocities(velocities, manager);
            return header.progress();
        }
    }
}
