package org.modelkey.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.modelkey.kernel.classpath.MavenResolver;
import org.modelkey.kernel.classpath.PathGlobs;
import org.modelkey.kernel.exec.SnippetEvaluator;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Command line of the kernel jar.
 * <pre>
 *   java -jar modelkey-kernel.jar CONNECTION_FILE              run the kernel (Jupyter starts it so)
 *   java -jar modelkey-kernel.jar install --jupyter-dir DIR    write DIR/kernels/java/kernel.json
 * </pre>
 * Environment, as IJava: {@code IJAVA_CLASSPATH} (entries or globs added at start-up, separated by
 * the path separator), {@code IJAVA_COMPILER_OPTS} (extra JShell compiler options),
 * {@code IJAVA_STARTUP_SCRIPTS_PATH} (files run at start-up) and {@code IJAVA_STARTUP_SCRIPT}
 * (code run at start-up). {@code MODELKEY_KERNEL_ECHO=false} stops copying cell output to the
 * kernel's own stdout/stderr.
 */
public final class KernelMain {

    private static final String USAGE = "usage: java -jar modelkey-kernel.jar CONNECTION_FILE\n"
            + "       java -jar modelkey-kernel.jar install --jupyter-dir DIR";

    private KernelMain() {}

    public static void main(String[] args) {
        PrintStream err = System.err;
        try {
            if (args.length == 3 && args[0].equals("install") && args[1].equals("--jupyter-dir")) {
                Path written = KernelSpec.install(Path.of(args[2]), Path.of(System.getProperty("java.home"), "bin", "java"), ownJar());
                System.out.println("installed kernelspec " + written);
                return;
            }
            if (args.length != 1 || args[0].startsWith("-")) {
                err.println(USAGE);
                System.exit(2);
            }
            run(Path.of(args[0]), System.getenv());
        } catch (Throwable e) {
            err.println("modelkey kernel cannot start: " + e);
            if (!(e instanceof IllegalArgumentException)) {
                e.printStackTrace(err);
            }
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Path connectionFile, Map<String, String> env) throws Exception {
        if (!Files.isReadable(connectionFile)) {
            throw new IllegalArgumentException("connection file " + connectionFile
                    + " is missing or unreadable: Jupyter passes it as {connection_file}; install the kernelspec with 'install --jupyter-dir DIR'");
        }
        silenceKernelLogging();
        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(connectionFile));
        OutputRouter router = OutputRouter.install(!"false".equalsIgnoreCase(env.getOrDefault("MODELKEY_KERNEL_ECHO", "true")));
        Path workingDirectory = Path.of("").toAbsolutePath();
        SnippetEvaluator evaluator = new SnippetEvaluator(words(env.get("IJAVA_COMPILER_OPTS")));
        JavaKernel kernel = new JavaKernel(new KernelIO(), router, evaluator, MavenResolver.standard(), workingDirectory);
        startUp(kernel, env, workingDirectory, router.kernelErr());

        JupyterConnection jupyter = new JupyterConnection(connection);
        kernel.becomeHandlerForConnection(jupyter);
        Signal.handle(new Signal("INT"), signal -> kernel.interrupt());
        jupyter.connect();
        jupyter.waitUntilClose();
    }

    /** Applies IJava's start-up variables; a failure is reported on stderr and the kernel goes on. */
    private static void startUp(JavaKernel kernel, Map<String, String> env, Path base, PrintStream err) {
        String classpath = env.get("IJAVA_CLASSPATH");
        if (classpath != null && !classpath.isBlank()) {
            try {
                kernel.addToClasspath(PathGlobs.expandList(classpath, base));
            } catch (RuntimeException e) {
                err.println("modelkey kernel: IJAVA_CLASSPATH: " + e.getMessage());
            }
        }
        String scripts = env.get("IJAVA_STARTUP_SCRIPTS_PATH");
        if (scripts != null && !scripts.isBlank()) {
            try {
                for (Path script : PathGlobs.expandList(scripts, base)) {
                    kernel.runScript(Files.readString(script), script.getFileName().toString());
                }
            } catch (Exception e) {
                err.println("modelkey kernel: IJAVA_STARTUP_SCRIPTS_PATH: " + e.getMessage());
            }
        }
        String script = env.get("IJAVA_STARTUP_SCRIPT");
        if (script != null && !script.isBlank()) {
            try {
                kernel.runScript(script, "IJAVA_STARTUP_SCRIPT");
            } catch (Exception e) {
                err.println("modelkey kernel: IJAVA_STARTUP_SCRIPT: " + e.getMessage());
            }
        }
    }

    /**
     * The kernel's libraries log through their own (shaded) slf4j, which has no backend: bind it
     * to the no-op provider so it does not print a warning, without leaving the setting behind for
     * the notebook's own slf4j.
     */
    private static void silenceKernelLogging() {
        System.setProperty("slf4j.provider", NOP_FallbackServiceProvider.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            System.clearProperty("slf4j.provider");
            System.clearProperty("slf4j.internal.verbosity");
        }
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    private static Path ownJar() throws URISyntaxException, IOException {
        Path location = Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(location)) {
            throw new IOException("install must run from the kernel jar (found classes in " + location
                    + "): build it with mvn -pl environment/kernel -am package and run java -jar environment/kernel/target/modelkey-kernel.jar install --jupyter-dir DIR");
        }
        return location.toAbsolutePath();
    }
}
