package org.modelkey.kernel.exec;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JShell's execution engine inside the kernel's own JVM. Each snippet runs on one long-lived
 * "notebook" thread (thread-local state such as PyTorch's grad mode survives from cell to cell)
 * whose context class loader is the {@link NotebookClassLoader}. Unlike JShell's stock local
 * engine it keeps the value and the exception a snippet produced as objects, so the kernel can
 * render the value and report the exception's real type and stack.
 */
final class NotebookExecution extends DirectExecutionControl {

    /** How long an interrupted cell may take to stop on its own before its thread is stopped. */
    private static final long STOP_GRACE_MILLIS = 2_000;

    private final ExecutorService runner;
    private final AtomicLong runIds = new AtomicLong();
    private volatile Thread runnerThread;
    private volatile long activeRun;
    private volatile boolean stopRequested;
    private Object lastValue;
    private Throwable lastFailure;

    NotebookExecution(NotebookClassLoader loader, Set<Path> compileOnly) {
        super(new SnippetLoading(loader, compileOnly));
        this.runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "notebook");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            runnerThread = thread;
            return thread;
        });
    }

    /** Starts a cell: forgets an earlier stop request. */
    void beginCell() {
        stopRequested = false;
    }

    /** Forgets the previous snippet's value and failure; call before each snippet. */
    void beginSnippet() {
        lastValue = null;
        lastFailure = null;
    }

    /** The value the last snippet returned (null for statements and declarations without value). */
    Object lastValue() {
        return lastValue;
    }

    /** The exception the last snippet threw, exactly as thrown, or null. */
    Throwable lastFailure() {
        return lastFailure;
    }

    /** Whether {@link #stop()} was called during the current cell. */
    boolean stopRequested() {
        return stopRequested;
    }

    @Override
    protected String invoke(Method doIt) throws Exception {
        long run = runIds.incrementAndGet();
        Future<Object> result = runner.submit(() -> {
            activeRun = run;
            try {
                if (stopRequested) {
                    throw new InvocationTargetException(new InterruptedException("stopped before this snippet started"));
                }
                return doIt.invoke(null);
            } finally {
                activeRun = 0;
            }
        });
        try {
            Object value = result.get();
            lastValue = value;
            return valueString(value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException
                    ? e.getCause().getCause() : e.getCause();
            lastFailure = cause;
            throw new InvocationTargetException(cause);
        }
    }

    /**
     * Stops the current cell: a snippet that has not started yet will not run, a running one is
     * interrupted and, if it has not finished after a short grace period (code that never checks
     * for interrupts), its thread is stopped.
     */
    @Override
    public void stop() {
        stopRequested = true;
        Thread thread = runnerThread;
        long run = activeRun;
        if (thread == null || run == 0) {
            return;
        }
        thread.interrupt();
        Thread enforcer = new Thread(() -> {
            try {
                Thread.sleep(STOP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (activeRun == run) {
                forceStop(thread);
            }
        }, "notebook-stop");
        enforcer.setDaemon(true);
        enforcer.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void forceStop(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            // Thread.stop is gone after Java 19: only the interrupt remains.
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        super.close();
    }

    /** Defines JShell's compiled classes in the notebook class loader and extends its classpath. */
    private static final class SnippetLoading implements LoaderDelegate {
        private final NotebookClassLoader loader;
        private final Set<Path> compileOnly;

        SnippetLoading(NotebookClassLoader loader, Set<Path> compileOnly) {
            this.loader = loader;
            this.compileOnly = compileOnly;
        }

        @Override
        public void load(ExecutionControl.ClassBytecodes[] classes) throws ExecutionControl.ClassInstallException {
            for (ExecutionControl.ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
            boolean[] installed = new boolean[classes.length];
            for (int i = 0; i < classes.length; i++) {
                try {
                    loader.loadClass(classes[i].name());
                    installed[i] = true;
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new ExecutionControl.ClassInstallException(
                            "cannot load compiled cell class " + classes[i].name() + ": " + e, installed);
                }
            }
        }

        @Override
        public void classesRedefined(ExecutionControl.ClassBytecodes[] classes) {
            for (ExecutionControl.ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
        }

        @Override
        public void addToClasspath(String path) {
            for (String entry : path.split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath().normalize();
                if (!entry.isEmpty() && !compileOnly.contains(p)) {
                    loader.addPath(p);
                }
            }
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            return loader.loadClass(name);
        }
    }
}
