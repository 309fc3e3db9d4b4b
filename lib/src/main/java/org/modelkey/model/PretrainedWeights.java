package org.modelkey.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modelkey.io.AtomicFiles;

/**
 * Parameters of a trained network, to fine-tune from (ICIP 2021, Sec. 3.3: the protected model is
 * trained from pre-trained weights). Reads the DJL parameter stream of a block, either bare (as
 * {@link #save} writes it) or inside a DJL {@code Model.save} file ({@code DJL@} header), or a
 * TorchScript export of torchvision's ResNet ({@link TorchScriptWeights}). A file of
 * another architecture is reported by the first parameter whose name or shape does not match, which
 * DJL itself does not say.
 */
public final class PretrainedWeights {

    private static final byte[] DJL_MODEL_MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

    private PretrainedWeights() {}

    /** Writes the network's parameters atomically as a bare DJL parameter stream. */
    public static Path save(Network network, Path file) throws IOException {
        return AtomicFiles.write(file, out -> {
            DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(out));
            network.block().saveParameters(dos);
            dos.flush();
        });
    }

    /**
     * Replaces the network's parameters with those of {@code file}: a DJL parameter file, or a
     * TorchScript file (a zip archive) of torchvision's ResNet of the same depth.
     *
     * @throws IllegalArgumentException if the file holds another architecture, naming the first
     *     parameter that differs (on failure the network's parameters are undefined: discard it)
     */
    public static void load(Network network, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("parameter file " + file + " does not exist: "
                    + "give the path of a .params file written by PretrainedWeights.save or DJL Model.save, or of a"
                    + " TorchScript export of torchvision's ResNet");
        }
        if (TorchScriptWeights.isTorchScript(file)) {
            TorchScriptWeights.load(network, file);
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            skipDjlModelHeader(in, file);
            loadChecked(network, file.toString(),
                    () -> network.block().loadParameters(network.model().getNDManager(), in));
        }
    }

    /**
     * Skips the header DJL's {@code Model.save} writes before the parameters (magic, version, model
     * name, data type, input shapes, properties), if the stream starts with one.
     */
    private static void skipDjlModelHeader(DataInputStream in, Path file) throws IOException {
        in.mark(DJL_MODEL_MAGIC.length);
        byte[] head = in.readNBytes(DJL_MODEL_MAGIC.length);
        if (!Arrays.equals(head, DJL_MODEL_MAGIC)) {
            in.reset();
            return;
        }
        int version = in.readInt();
        if (version != 1) {
            throw new IllegalArgumentException("parameter file " + file + " is a DJL model file of version " + version
                    + ", which this kit does not read: save it again with DJL 0.36 (Model.save)");
        }
        in.readUTF(); // model name
        in.readUTF(); // data type
        for (int inputs = in.readInt(), i = 0; i < inputs; i++) {
            in.readUTF();
            Shape.decode(in);
        }
        for (int properties = in.readInt(), i = 0; i < properties; i++) {
            in.readUTF();
            in.readUTF();
        }
    }

    /** Something that reads parameters into a block. */
    @FunctionalInterface
    public interface ParameterReader {
        void read() throws IOException, MalformedModelException;
    }

    /**
     * Runs {@code reader}, which reads parameters into {@code network}'s block, and checks that every
     * parameter was read with the shape the architecture expects.
     *
     * @param source names the file in error messages
     */
    public static void loadChecked(Network network, String source, ParameterReader reader) throws IOException {
        ParameterList params = network.block().getParameters();
        List<Shape> expected = new ArrayList<>(params.size());
        List<NDArray> before = new ArrayList<>(params.size());
        for (Pair<String, Parameter> p : params) {
            expected.add(p.getValue().getShape());
            before.add(p.getValue().getArray());
        }
        Exception failure = null;
        try {
            reader.read();
        } catch (MalformedModelException | RuntimeException | IOException e) {
            failure = e;
        }
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i).getValue();
            boolean read = p.getArray() != before.get(i);
            if (read && !p.getShape().equals(expected.get(i))) {
                throw mismatch(network, source, i, params.get(i).getKey(), expected.get(i),
                        "the file has shape " + p.getShape(), failure);
            }
            if (!read && failure != null && i > 0) {
                throw mismatch(network, source, i, params.get(i).getKey(), expected.get(i),
                        "the file has no matching entry there (" + failure.getMessage() + ")", failure);
            }
        }
        if (failure != null) {
            throw new IllegalArgumentException("parameter file " + source + " could not be read into " + network.spec()
                    + " (" + failure.getMessage() + "): give a file written by PretrainedWeights.save or DJL"
                    + " Model.save for this architecture", failure);
        }
        for (int i = 0; i < params.size(); i++) {
            if (before.get(i) != null && params.get(i).getValue().getArray() != before.get(i)) {
                before.get(i).close();
            }
        }
    }

    private static IllegalArgumentException mismatch(Network network, String source, int index, String name,
            Shape expected, String found, Throwable cause) {
        return new IllegalArgumentException("parameter file " + source + " does not fit " + network.spec()
                + ": parameter #" + index + " '" + name + "' should have shape " + expected + " but " + found
                + "; the file was saved from another architecture, number of classes or input channels:"
                + " build the network with the spec the file was trained with", cause);
    }

}
