package org.modelkey.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Owns {@code System.out} and {@code System.err} for the kernel's whole life. While a cell runs
 * they go to the cell's Jupyter streams, line by line as they are printed (and, with echo on, to
 * the kernel's own stdout/stderr as well, so a headless {@code nbconvert} run shows a long cell's
 * progress in its log as it happens); between cells they go to the kernel's own streams. Because
 * the {@code System} streams never change, a library that kept a reference to them (a logger)
 * still reaches the notebook.
 */
final class OutputRouter {

    private final PrintStream kernelOut;
    private final PrintStream kernelErr;
    private final boolean echo;
    private final Route out;
    private final Route err;

    private OutputRouter(PrintStream kernelOut, PrintStream kernelErr, boolean echo) {
        this.kernelOut = kernelOut;
        this.kernelErr = kernelErr;
        this.echo = echo;
        this.out = new Route(kernelOut);
        this.err = new Route(kernelErr);
    }

    /** Replaces {@code System.out} and {@code System.err} with routed streams. */
    static OutputRouter install(boolean echo) {
        OutputRouter router = new OutputRouter(System.out, System.err, echo);
        System.setOut(new PrintStream(router.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(router.err, true, StandardCharsets.UTF_8));
        return router;
    }

    /** The kernel's own standard error, for messages about the kernel itself. */
    PrintStream kernelErr() {
        return kernelErr;
    }

    /** Sends the System streams to a cell's streams until {@link #detach()}. */
    void attach(OutputStream cellOut, OutputStream cellErr) {
        out.target = echo ? new Tee(cellOut, kernelOut) : cellOut;
        err.target = echo ? new Tee(cellErr, kernelErr) : cellErr;
    }

    /** Sends the System streams back to the kernel's own streams. */
    void detach() {
        System.out.flush();
        System.err.flush();
        out.target = kernelOut;
        err.target = kernelErr;
    }

    /** Forwards to whatever the current target is. */
    private static final class Route extends OutputStream {
        private volatile OutputStream target;

        Route(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
