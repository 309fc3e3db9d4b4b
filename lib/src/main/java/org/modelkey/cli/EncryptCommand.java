package org.modelkey.cli;

import picocli.CommandLine.Command;

/** {@code modelkey encrypt}: PNG/JPEG images to encrypted PNGs (16-bit for FFX). */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Encrypt PNG/JPEG images (files or folders) with a key into PNG files.",
            "SHF and NP write 8-bit PNG; FFX writes 16-bit PNG whose samples are the FFX codes 0..999",
            "(model input = code / modelkey-ffx-scale, both stored in the file). The random key id is stored too.",
            "Images with an alpha channel (transparency) are refused: remove it first; modelkey neither encrypts nor keeps it.",
            "Every input is decoded and encrypted before anything is written; outputs that already hold this run's result are skipped."})
final class EncryptCommand extends ImageCommand {
    EncryptCommand() {
        super(true);
    }
}
