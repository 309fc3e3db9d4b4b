package org.modelkey.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.modelkey.key.KeyFile;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code modelkey keygen}: draws a key (SecureRandom, or a seed for reproducible experiments) into a key file. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Make a secret key and write it to an owner-only JSON key file.")
final class KeygenCommand implements Callable<Integer> {

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

    @Override
    public Integer call() throws Exception {
        if (Files.exists(output) && !force) {
            throw new IllegalArgumentException("key file " + output + " already exists: choose another path or pass --force to replace it");
        }
        if (password != null && kind != KeyKind.FFX) {
            throw new IllegalArgumentException("--password only applies to FFX keys: drop it or use --kind FFX");
        }
        SecretKey key = seed != null ? SecretKey.fromSeed(kind, blockSize, channels, seed) : SecretKey.random(kind, blockSize, channels);
        if (password != null) {
            key = key.withPassword(password);
        }
        KeyFile.save(key, output);
        System.out.println("wrote " + key + " to " + output);
        return 0;
    }
}
