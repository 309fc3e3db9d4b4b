package org.modelkey.kernel.exec;

import java.io.PrintWriter;
import java.io.StringWriter;
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
     * An exception thrown by notebook code. {@code frames} may rewrite each stack frame line (to
     * name the cell line a snippet frame comes from).
     */
    static CellError thrown(Throwable thrown, boolean interrupted, UnaryOperator<String> frames) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        List<String> lines = new ArrayList<>();
        if (interrupted) {
            lines.add("Cell interrupted by the user.");
        }
        for (String line : text.toString().split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("at ")) {
                if (isKernelFrame(trimmed.substring(3))) {
                    continue;
                }
                line = frames.apply(line);
            }
            lines.add(line);
        }
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        return new CellError(thrown.getClass().getName(), interrupted ? "interrupted: " + message : message, lines);
    }

    private static boolean isKernelFrame(String frame) {
        return KERNEL_FRAMES.stream().anyMatch(frame::startsWith);
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
