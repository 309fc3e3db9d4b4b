package org.modelkey.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.nio.charset.StandardCharsets;

/** The Jupyter streams of the cell being run (stdout, stderr, stdin, display), bound per request. */
final class KernelIO extends JupyterIO {

    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Binds the streams to the request that {@code env} answers. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
    }

    /** Unbinds them once the request is answered. */
    void detach(ShellReplyEnvironment env) {
        out.flush();
        err.flush();
        retractEnv(env);
    }
}
