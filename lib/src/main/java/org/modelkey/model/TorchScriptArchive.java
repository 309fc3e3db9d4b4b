package org.modelkey.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The tensors of a TorchScript file ({@code torch.jit.save}), by their dotted module path, e.g.
 * {@code layer1.0.bn1.running_var}: parameters and buffers alike. A TorchScript file is a zip
 * archive whose {@code data.pkl} is a Python pickle (protocol 2) of the module tree, each tensor a
 * reference to a raw little-endian storage in {@code data/<key>}. DJL's {@code PtSymbolBlock} lists
 * only the parameters, not BatchNorm's running statistics, so the archive is read here; only the
 * pickle operations the TorchScript writer uses are understood.
 */
final class TorchScriptArchive {

    /** One tensor of the archive; {@code values} are filled for float32 tensors only. */
    record Tensor(String name, String storageType, long[] shape, float[] values) {}

    private record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    private record ModuleObject(Global type, Map<Object, Object> state) {}

    private record Storage(String key, String type, long numel) {}

    private record TensorRef(Storage storage, long offset, long[] shape, long[] stride) {}

    private static final Object MARK = new Object();
    private static final Object NONE = new Object();

    private final ZipFile zip;
    private final String root;
    private final Path file;

    private TorchScriptArchive(ZipFile zip, String root, Path file) {
        this.zip = zip;
        this.root = root;
        this.file = file;
    }

    /** Whether {@code bytes} start like a zip archive, the container of every TorchScript file. */
    static boolean looksLikeZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /**
     * Every tensor of the TorchScript file, in the order the pickle lists them.
     *
     * @throws IllegalArgumentException if the file is not a TorchScript archive
     */
    static Map<String, Tensor> read(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            String root = zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length())
                    .map(n -> n.substring(0, n.length() - "data.pkl".length()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + " is a zip file but not a TorchScript"
                            + " model (no <name>/data.pkl inside): export the model with torch.jit.script(model).save(path)"));
            ZipEntry byteOrder = zip.getEntry(root + "byteorder");
            if (byteOrder != null && !new String(zip.getInputStream(byteOrder).readAllBytes(), StandardCharsets.US_ASCII)
                    .strip().equals("little")) {
                throw new IllegalArgumentException(file + " stores its tensors big-endian: export it on a little-endian"
                        + " machine (x86-64, ARM)");
            }
            TorchScriptArchive archive = new TorchScriptArchive(zip, root, file);
            Object tree = archive.unpickle(zip.getInputStream(zip.getEntry(root + "data.pkl")).readAllBytes());
            if (!(tree instanceof ModuleObject module)) {
                throw new IllegalArgumentException(file + " holds no TorchScript module: export the model with"
                        + " torch.jit.script(model).save(path)");
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            archive.collect("", module, tensors);
            return tensors;
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + " is not a readable zip archive (" + e.getMessage() + "), which a"
                    + " TorchScript file is: the file is truncated or damaged, export it again", e);
        }
    }

    private void collect(String prefix, ModuleObject module, Map<String, Tensor> into) throws IOException {
        for (Map.Entry<Object, Object> e : module.state().entrySet()) {
            String name = prefix + e.getKey();
            if (e.getValue() instanceof TensorRef t) {
                into.put(name, tensor(name, t));
            } else if (e.getValue() instanceof ModuleObject child) {
                collect(name + ".", child, into);
            }
        }
    }

    private Tensor tensor(String name, TensorRef t) throws IOException {
        long numel = 1;
        long[] contiguous = new long[t.shape().length];
        for (int d = t.shape().length - 1; d >= 0; d--) {
            contiguous[d] = numel;
            numel *= t.shape()[d];
        }
        if (numel > 1 && !Arrays.equals(contiguous, t.stride())) {
            throw new IllegalArgumentException("tensor '" + name + "' of " + file + " is not contiguous (stride "
                    + Arrays.toString(t.stride()) + "): save the model again after model.contiguous() tensors");
        }
        if (!t.storage().type().equals("FloatStorage")) {
            return new Tensor(name, t.storage().type(), t.shape(), null);
        }
        ZipEntry entry = zip.getEntry(root + "data/" + t.storage().key());
        if (entry == null) {
            throw new IllegalArgumentException(file + " lacks the storage data/" + t.storage().key() + " of tensor '"
                    + name + "': the file is truncated or damaged, export it again");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        if ((t.offset() + numel) * Float.BYTES > bytes.length) {
            throw new IllegalArgumentException("tensor '" + name + "' of " + file + " reaches past its storage: the"
                    + " file is damaged, export it again");
        }
        float[] values = new float[Math.toIntExact(numel)];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(Math.toIntExact(t.offset() * Float.BYTES))
                .asFloatBuffer().get(values);
        return new Tensor(name, t.storage().type(), t.shape(), values);
    }

    /** A pickle machine for the operations of the TorchScript writer (protocol 2). */
    private Object unpickle(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        List<Object> stack = new ArrayList<>();
        Map<Integer, Object> memo = new HashMap<>();
        while (in.hasRemaining()) {
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> in.get(); // PROTO
                case '.' -> { // STOP
                    return pop(stack);
                }
                case 'c' -> stack.add(new Global(line(in), line(in))); // GLOBAL
                case '(' -> stack.add(MARK);
                case ')' -> stack.add(List.of()); // EMPTY_TUPLE
                case ']' -> stack.add(new ArrayList<>()); // EMPTY_LIST
                case '}' -> stack.add(new LinkedHashMap<>()); // EMPTY_DICT
                case 'N' -> stack.add(NONE);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'K' -> stack.add((long) (in.get() & 0xff)); // BININT1
                case 'M' -> stack.add((long) (in.getShort() & 0xffff)); // BININT2
                case 'J' -> stack.add((long) in.getInt()); // BININT
                case 0x8a -> stack.add(long1(in)); // LONG1
                case 'G' -> stack.add(in.order(ByteOrder.BIG_ENDIAN).getDouble()); // BINFLOAT
                case 'X' -> stack.add(string(in, in.getInt())); // BINUNICODE
                case 'q' -> memo.put(in.get() & 0xff, top(stack)); // BINPUT
                case 'r' -> memo.put(in.getInt(), top(stack)); // LONG_BINPUT
                case 'h' -> stack.add(memo.get(in.get() & 0xff)); // BINGET
                case 'j' -> stack.add(memo.get(in.getInt())); // LONG_BINGET
                case 't' -> stack.add(List.copyOf(popToMark(stack))); // TUPLE
                case 0x85 -> stack.add(List.of(pop(stack))); // TUPLE1
                case 0x86 -> { Object b = pop(stack); stack.add(List.of(pop(stack), b)); } // TUPLE2
                case 0x87 -> { Object c = pop(stack), b = pop(stack); stack.add(List.of(pop(stack), b, c)); }
                case 'a' -> { Object v = pop(stack); list(top(stack)).add(v); } // APPEND
                case 'e' -> { List<Object> items = popToMark(stack); list(top(stack)).addAll(items); } // APPENDS
                case 's' -> { Object v = pop(stack), k = pop(stack); dict(top(stack)).put(k, v); } // SETITEM
                case 'u' -> { // SETITEMS
                    List<Object> items = popToMark(stack);
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        dict(top(stack)).put(items.get(i), items.get(i + 1));
                    }
                }
                case 0x81 -> { pop(stack); stack.add(new ModuleObject((Global) pop(stack), new LinkedHashMap<>())); }
                case 'b' -> { // BUILD
                    Object state = pop(stack);
                    if (top(stack) instanceof ModuleObject m && state instanceof Map<?, ?> s) {
                        m.state().putAll(s);
                    }
                }
                case 'Q' -> stack.add(storage(pop(stack))); // BINPERSID
                case 'R' -> { List<?> args = (List<?>) pop(stack); stack.add(reduce(pop(stack), args)); }
                default -> throw new IllegalArgumentException(file + ": unexpected pickle operation 0x"
                        + Integer.toHexString(op) + " at byte " + (in.position() - 1) + " of data.pkl; this reader"
                        + " knows the files torch.jit.save writes: export the model with torch.jit.script(model).save(path)");
            }
            in.order(ByteOrder.LITTLE_ENDIAN);
        }
        throw new IllegalArgumentException(file + ": data.pkl ends without STOP: the file is damaged, export it again");
    }

    private Object storage(Object pid) {
        if (pid instanceof List<?> t && t.size() == 5 && "storage".equals(t.get(0)) && t.get(1) instanceof Global type) {
            return new Storage((String) t.get(2), type.name(), (Long) t.get(4));
        }
        throw new IllegalArgumentException(file + ": unexpected persistent reference " + pid + " in data.pkl");
    }

    private Object reduce(Object callable, List<?> args) {
        if (callable instanceof Global g) {
            switch (g.qualified()) {
                case "torch._utils._rebuild_tensor_v2":
                    return new TensorRef((Storage) args.get(0), (Long) args.get(1), longs(args.get(2)), longs(args.get(3)));
                case "collections.OrderedDict":
                    return new LinkedHashMap<>();
                default:
                    return List.of(g, args);
            }
        }
        return List.of(callable, args);
    }

    private static long[] longs(Object tuple) {
        return ((List<?>) tuple).stream().mapToLong(v -> (Long) v).toArray();
    }

    private static String line(ByteBuffer in) {
        int start = in.position();
        while (in.get() != '\n') {
            // scan to the end of the line
        }
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer in, int length) {
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static long long1(ByteBuffer in) {
        int n = in.get() & 0xff;
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (in.get() & 0xff) << (8 * i);
        }
        return n > 0 && n < 8 && (v >> (8 * n - 1) & 1) == 1 ? v - (1L << (8 * n)) : v;
    }

    private static Object pop(List<Object> stack) {
        return stack.remove(stack.size() - 1);
    }

    private static Object top(List<Object> stack) {
        return stack.get(stack.size() - 1);
    }

    private static List<Object> popToMark(List<Object> stack) {
        int mark = stack.lastIndexOf(MARK);
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
        return (Map<Object, Object>) o;
    }
}
