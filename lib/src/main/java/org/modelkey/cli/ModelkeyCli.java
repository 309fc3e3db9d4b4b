package org.modelkey.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code modelkey} command line: make a secret key and encrypt or decrypt image files with it,
 * so an authorised user can prepare inputs for a protected model outside a notebook.
 * Run it with {@code environment/modelkey}.
 */
@Command(name = "modelkey", mixinStandardHelpOptions = true, version = "modelkey 0.1.0",
        description = "Block-wise image encryption with a secret key (SHF, NP, FFX).",
        subcommands = {KeygenCommand.class, EncryptCommand.class, DecryptCommand.class, CommandLine.HelpCommand.class})
public final class ModelkeyCli {

    /** Runs the command line and returns its exit code: 0 done, 1 refused (message on stderr), 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new ModelkeyCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("modelkey: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
                    return 1;
                })
                .execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
