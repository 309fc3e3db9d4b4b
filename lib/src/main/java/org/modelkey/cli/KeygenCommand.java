package org.modelkey.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.modelkey.key.KeyFile;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modelkey keygen}: draws a key (SecureRandom, or a seed for reproducible experiments) into a key
 * file. M is 2..{@value #MAX_BLOCK_SIZE} and C 1..{@value #MAX_CHANNELS}; a key space below 2^{@value #MIN_KEY_BITS}
 * is refused unless {@code --allow-weak-key} (NP with M = 2, C = 3 has 924 keys, found by trying them all).
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Make a secret key and write it to an owner-only JSON key file; prints the key space in bits.",
            "M is 2.." + KeygenCommand.MAX_BLOCK_SIZE + " and C 1.." + KeygenCommand.MAX_CHANNELS
                    + "; a key space below 2^" + KeygenCommand.MIN_KEY_BITS + " is refused unless --allow-weak-key."})
final class KeygenCommand implements Callable<Integer> {

    /** Largest block size: blocks are tiles of the image, the papers' largest is a whole 224×224 image. */
    static final int MAX_BLOCK_SIZE = 256;
    /** Largest channel count: grey, RGB, or RGB with alpha. */
    static final int MAX_CHANNELS = 4;
    /** Smallest key space, in bits, accepted without {@code --allow-weak-key}. */
    static final int MIN_KEY_BITS = 64;

    @Option(names = "--kind", required = true, description = "SHF, NP or FFX")
    KeyKind kind;

    @Option(names = {"-M", "--block-size"}, required = true, description = "block size M (the papers use 2, 4, 8, 16)")
    int blockSize;

    @Option(names = {"-C", "--channels"}, defaultValue = "3", description = "channels: 3 for colour, 1 for grey (default ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--seed", description = "draw the key from this seed (reproducible; for experiments only)")
    Long seed;

    @Option(names = "--password", description = "FFX password (default: drawn at random)")
    String password;

    @Option(names = {"-o", "--output"}, required = true, description = "key file to write")
    Path output;

    @Option(names = "--force", description = "replace an existing key file")
    boolean force;

    @Option(names = "--allow-weak-key", description = "accept a key space below 2^" + MIN_KEY_BITS
            + " (for experiments: such a key can be found by trying every key)")
    boolean allowWeakKey;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(output) && !force) {
            throw new IllegalArgumentException("key file " + output + " already exists: choose another path or pass --force to replace it");
        }
        if (password != null && kind != KeyKind.FFX) {
            throw new IllegalArgumentException("--password only applies to FFX keys: drop it or use --kind FFX");
        }
        if (blockSize < 2 || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("-M " + blockSize + " is outside 2.." + MAX_BLOCK_SIZE + ": "
                    + (blockSize < 2 ? "a 1×1 block only permutes (SHF) or inverts (NP, FFX) whole channels of each pixel, and an SHF key may be the identity"
                            : "a block is a tile of the image (the papers' largest is a whole 224×224 image), and larger ones"
                            + " give key files of many megabytes")
                    + "; the papers use 2, 4, 8, 16");
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("-C " + channels + " is outside 1.." + MAX_CHANNELS + ": use 3 for colour or 1 for grey images");
        }
        SecretKey key = seed != null ? SecretKey.fromSeed(kind, blockSize, channels, seed) : SecretKey.random(kind, blockSize, channels);
        if (password != null) {
            key = ((SecretKey.Ffx) key).withPassword(password);
        }
        double bits = key.keySpaceBits();
        String space = String.format(Locale.ROOT, "key space 2^%.1f", bits);
        if (bits < MIN_KEY_BITS && !allowWeakKey) {
            throw new IllegalArgumentException(kind + " with M=" + blockSize + ", C=" + channels + " has a " + space
                    + ", below 2^" + MIN_KEY_BITS + ": every key can be tried; use a larger -M, or pass --allow-weak-key"
                    + " for an experiment");
        }
        KeyFile.save(key, output);
        System.out.println("wrote " + key + " to " + output + " (" + space + (bits < MIN_KEY_BITS ? ", WEAK" : "") + ")");
        return 0;
    }
}
