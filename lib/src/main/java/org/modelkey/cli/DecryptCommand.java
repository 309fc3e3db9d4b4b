package org.modelkey.cli;

import picocli.CommandLine.Command;

/** {@code modelkey decrypt}: encrypted PNGs back to 8-bit PNGs, refusing files made with another key. */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = "Decrypt PNG files written by `modelkey encrypt` back to 8-bit PNG images.")
final class DecryptCommand extends ImageCommand {
    DecryptCommand() {
        super(false);
    }
}
