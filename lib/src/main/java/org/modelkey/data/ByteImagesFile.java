package org.modelkey.data;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.modelkey.io.AtomicFiles;

/**
 * The cache file of a {@link ByteImages} set: a small header (shape, class names, labels, source
 * ids), then the image bytes and the mask bytes. Written atomically; read back by memory-mapping
 * the byte blocks, so opening is instant and the pages come from disk as they are used.
 */
public final class ByteImagesFile {

    private static final int MAGIC = 0x4D4B4931; // "MKI1"
    private static final int MAX_HEADER = 64 << 20;

    private ByteImagesFile() {}

    /** Writes {@code images} to {@code file} atomically. */
    public static void write(Path file, ByteImages images) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(images.size());
            out.writeInt(images.channels());
            out.writeInt(images.height());
            out.writeInt(images.width());
            int[] labels = images.labelArray();
            int[] sources = images.sourceArray();
            out.writeBoolean(labels != null);
            out.writeBoolean(sources != null);
            out.writeInt(images.classes().size());
            for (String name : images.classes()) {
                out.writeUTF(name);
            }
            writeInts(out, labels);
            writeInts(out, sources);
            writeBlock(out, images.pixelBlock());
            writeBlock(out, images.maskBlock());
            out.flush();
        });
    }

    /** Opens a file written by {@link #write}; the image and mask bytes stay on disk, mapped. */
    public static ByteImages read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, MAX_HEADER));
            channel.read(head, 0);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(head.array(), 0, head.position()));
            if (head.position() < 4 || in.readInt() != MAGIC) {
                throw new IOException(file + " is not a modelkey image cache (wrong magic number):"
                        + " delete it and it will be rebuilt");
            }
            int count = in.readInt(), channels = in.readInt(), height = in.readInt(), width = in.readInt();
            boolean hasLabels = in.readBoolean(), hasSources = in.readBoolean();
            int classCount = in.readInt();
            List<String> classes = new ArrayList<>(classCount);
            for (int i = 0; i < classCount; i++) {
                classes.add(in.readUTF());
            }
            int[] labels = hasLabels ? readInts(in, count) : null;
            int[] sources = hasSources ? readInts(in, count) : null;
            long offset = head.position() - in.available();
            long pixelBytes = (long) count * channels * height * width;
            long maskBytes = hasLabels ? 0 : (long) count * height * width;
            if (pixelBytes > Integer.MAX_VALUE || maskBytes > Integer.MAX_VALUE) {
                throw new IOException(file + " holds more than 2 GiB of pixels, more than one cache file can map:"
                        + " build the set as several smaller parts");
            }
            if (offset + pixelBytes + maskBytes != size) {
                throw new IOException(file + " has " + size + " bytes but its header announces "
                        + (offset + pixelBytes + maskBytes) + " (truncated or damaged): delete it and it will be rebuilt");
            }
            ByteBuffer pixels = channel.map(FileChannel.MapMode.READ_ONLY, offset, pixelBytes);
            ByteBuffer masks = hasLabels ? null : channel.map(FileChannel.MapMode.READ_ONLY, offset + pixelBytes, maskBytes);
            return new ByteImages(count, channels, height, width, pixels, labels, masks, sources, classes);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        if (values != null) {
            for (int v : values) {
                out.writeInt(v);
            }
        }
    }

    private static int[] readInts(DataInputStream in, int count) throws IOException {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeBlock(DataOutputStream out, ByteBuffer block) throws IOException {
        if (block == null) {
            return;
        }
        byte[] chunk = new byte[1 << 16];
        while (block.hasRemaining()) {
            int n = Math.min(chunk.length, block.remaining());
            block.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }
}
