package org.modelkey.kernel.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Why a cell failed, in the three parts of a Jupyter error reply: {@code ename} (the real
 * exception type, or {@code CompilationException}), {@code evalue} (its message) and the
 * traceback lines (the notebook's own stack frames; the kernel's are left out).
 */
public final class CellError extends Exception {

    /** Stack frames that belong to the kernel's machinery around a cell, not to the notebook. */
    private static final List<String> KERNEL_FRAMES = List.of(
            "org.modelkey.kernel.", "jdk.jshell.", "jdk.internal.reflect.", "java.lang.reflect.Method.",
            "java.util.concurrent.FutureTask.", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.Executors$RunnableAdapter.", "java.lang.Thread.run(");

    private final String name;
    private final String value;
    private final List<String> traceback;

    public CellError(String name, String value, List<String> traceback) {
        super(name + ": " + value);
        this.name = name;
        this.value = value;
        this.traceback = List.copyOf(traceback);
    }

    /** An error raised by the kernel itself on the notebook's behalf (a bad magic, a missing file). */
    public static CellError of(Throwable problem) {
        String message = String.valueOf(problem.getMessage());
        return new CellError(problem.getClass().getName(), message, List.of(problem.getClass().getName() + ": " + message));
    }

    /**
     * An exception thrown by notebook code. The type and message come from {@code thrown}, the
     * exception itself; the stack frames from {@code located}, the same exception as JShell
     * reports it: the same frames, cut after the cell's own, whose cell frames name the snippet
     * and its line ({@code #12:3}) instead of JShell's generated wrapper. {@code frames} may
     * rewrite each frame line further.
     */
    static CellError thrown(Throwable thrown, Throwable located, boolean interrupted, UnaryOperator<String> frames) {
        List<String> lines = new ArrayList<>();
        if (interrupted) {
            lines.add("Cell interrupted by the user.");
        }
        String prefix = "";
        for (Throwable level = thrown, where = located; level != null; level = level.getCause(),
                where = where == null ? null : where.getCause()) {
            lines.add(prefix + level);
            StackTraceElement[] stack = where != null && where.getStackTrace().length > 0
                    && where.getStackTrace().length <= level.getStackTrace().length
                    ? where.getStackTrace() : level.getStackTrace();
            for (StackTraceElement frame : stack) {
                if (!isKernelFrame(frame)) {
                    lines.add(frames.apply("\tat " + frame));
                }
            }
            prefix = "Caused by: ";
            if (level.getCause() == level) {
                break;
            }
        }
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        return new CellError(thrown.getClass().getName(), interrupted ? "interrupted: " + message : message, lines);
    }

    private static boolean isKernelFrame(StackTraceElement frame) {
        String where = frame.getClassName() + "." + frame.getMethodName() + "(";
        return KERNEL_FRAMES.stream().anyMatch(where::startsWith);
    }

    /** The Jupyter {@code ename}. */
    public String name() {
        return name;
    }

    /** The Jupyter {@code evalue}. */
    public String value() {
        return value;
    }

    /** The Jupyter {@code traceback}, one line per entry. */
    public List<String> traceback() {
        return traceback;
    }
}
