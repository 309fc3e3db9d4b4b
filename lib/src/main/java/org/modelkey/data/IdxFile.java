package org.modelkey.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST (LeCun et al.): magic bytes 0x00 0x00, a type code
 * (0x08 = unsigned byte), the number of dimensions, one big-endian int per dimension, then the
 * values. Gzipped files (as distributed) are recognised by their own magic number.
 *
 * @param dims the dimensions, e.g. [60000, 28, 28]
 * @param data the values, row-major
 */
public record IdxFile(int[] dims, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Reads an IDX file of unsigned bytes, gzipped or not. */
    public static IdxFile read(Path file) throws IOException {
        DataPaths.requireFile(file, "an IDX file (MNIST / Fashion-MNIST format)");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            DataInputStream in = new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw), 1 << 16) : raw);
            int magic = in.readInt();
            int type = (magic >> 8) & 0xff, rank = magic & 0xff;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
                throw new IOException(file + " has magic number 0x" + String.format("%08x", magic)
                        + " but an IDX file of unsigned bytes starts with 0x000008 then its rank (1 to 4),"
                        + " e.g. 0x00000803 for images and 0x00000801 for labels: is this an MNIST IDX file?");
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = in.readInt();
                total *= dims[d];
            }
            if (dims[0] < 0 || total < 0 || total > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " announces dimensions " + Arrays.toString(dims) + ", which this loader"
                        + " cannot hold: expected e.g. [60000, 28, 28]");
            }
            byte[] data = new byte[(int) total];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw new IOException(file + " is truncated: its header announces " + Arrays.toString(dims) + " = "
                        + total + " bytes of data; download it again", e);
            }
            if (in.read() != -1) {
                throw new IOException(file + " holds more data than its header announces (" + Arrays.toString(dims) + " = "
                        + total + " bytes): the header or the file is damaged; download it again");
            }
            return new IdxFile(dims, data);
        }
    }

    /** Number of items (the first dimension). */
    public int count() {
        return dims[0];
    }
}
