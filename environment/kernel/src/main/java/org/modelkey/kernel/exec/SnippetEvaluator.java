package org.modelkey.kernel.exec;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.modelkey.kernel.api.Notebook;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs Java source through JShell, one complete snippet after another, in this JVM (see {@link
 * NotebookExecution}). Returns the value of a trailing expression as an object, and turns
 * compile errors and exceptions into {@link CellError}s that point at the line of the cell.
 */
public final class SnippetEvaluator implements AutoCloseable {

    private static final String STARTUP = "import static " + Notebook.class.getName() + ".display;";
    /** A snippet's frame in a stack trace: {@code REPL.$JShell$12.do_it$(#12:3)}. */
    private static final Pattern SNIPPET_FRAME = Pattern.compile("\\(#(\\d+):(\\d+)\\)");

    private final NotebookClassLoader loader;
    private final NotebookExecution execution;
    private final JShell shell;
    /** Where each snippet came from ("cell [3]", "setup.jsh") and the line it starts on (0-based). */
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    private record Origin(String source, int firstLine) {}

    /** Starts JShell with the given extra compiler options (for example {@code -Xlint}). */
    public SnippetEvaluator(List<String> compilerOptions) {
        Path api = codeSource(Notebook.class);
        this.loader = new NotebookClassLoader(new KernelApiGate(SnippetEvaluator.class.getClassLoader()));
        NotebookExecution[] created = new NotebookExecution[1];
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "modelkey-notebook";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                created[0] = new NotebookExecution(loader, Set.of(api));
                return created[0];
            }
        };
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        if (created[0] == null) {
            throw new IllegalStateException("JShell did not create the notebook execution engine");
        }
        this.execution = created[0];
        shell.addToClasspath(api.toString());
        try {
            evaluate(STARTUP, "startup", 0);
        } catch (CellError e) {
            throw new IllegalStateException("the kernel's start-up import failed: " + e.getMessage(), e);
        }
    }

    /** The class loader of notebook code (also the context class loader of the cell thread). */
    public NotebookClassLoader classLoader() {
        return loader;
    }

    /** Adds a jar or class folder for both compiling and running cells. */
    public void addToClasspath(Path path) {
        shell.addToClasspath(path.toAbsolutePath().normalize().toString());
    }

    /**
     * Evaluates Java source (no magics).
     *
     * @param source    where the code comes from, used in error messages ("cell [3]", a file name)
     * @param firstLine the line of {@code code}'s first line within that source, 0-based
     * @return the value of the last snippet if it is an expression, else null
     */
    public Object evaluate(String code, String source, int firstLine) throws CellError {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        int consumed = 0;
        Object value = null;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            SourceCodeAnalysis.Completeness completeness = info.completeness();
            if (completeness == SourceCodeAnalysis.Completeness.EMPTY) {
                return value;
            }
            int start = consumed + leadingWhitespace(remaining);
            int line = firstLine + countLines(code, start);
            if (completeness == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || completeness == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                throw new CellError("CompilationException",
                        "incomplete code at " + source + " line " + (line + 1) + ": a statement, block or string is not closed",
                        List.of("Incomplete code at " + source + " line " + (line + 1) + ":", remaining.strip()));
            }
            String snippet = completeness == SourceCodeAnalysis.Completeness.UNKNOWN ? remaining : info.source();
            // starting the snippet at its first character keeps JShell's positions and lines aligned with the cell's
            value = evaluateSnippet(snippet.substring(leadingWhitespace(snippet)), source, line);
            if (completeness == SourceCodeAnalysis.Completeness.UNKNOWN) {
                return value;
            }
            consumed += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
    }

    private Object evaluateSnippet(String code, String source, int line) throws CellError {
        execution.beginSnippet();
        Object value = null;
        for (SnippetEvent event : shell.eval(code)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new Origin(source, line));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compilationError(snippet, source, line);
            }
            if (event.exception() instanceof UnresolvedReferenceException unresolved) {
                throw unresolvedError(unresolved.getSnippet(), source, line);
            }
            if (event.exception() != null) {
                Throwable thrown = execution.lastFailure() != null ? execution.lastFailure() : event.exception();
                throw CellError.thrown(thrown, event.exception(), execution.stopRequested(), this::describeFrame);
            }
            if (snippet instanceof DeclarationSnippet declaration
                    && shell.unresolvedDependencies(declaration).findAny().isPresent()) {
                throw unresolvedError(declaration, source, line);
            }
            boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                    || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            value = expression ? execution.lastValue() : null;
        }
        return value;
    }

    private CellError compilationError(Snippet snippet, String source, int line) {
        List<String> traceback = new ArrayList<>();
        List<Diag> diagnostics = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        String first = "";
        for (Diag diag : diagnostics) {
            int at = (int) Math.max(0, diag.getStartPosition());
            int errorLine = line + countLines(snippet.source(), at);
            String message = diag.getMessage(Locale.ROOT);
            if (first.isEmpty()) {
                first = message.lines().findFirst().orElse(message) + " (" + source + " line " + (errorLine + 1) + ")";
            }
            traceback.add(source + " line " + (errorLine + 1) + ":");
            message.lines().filter(l -> !l.strip().startsWith("location:")).forEach(traceback::add);
            traceback.addAll(pointAt(snippet.source(), diag));
        }
        if (diagnostics.isEmpty()) {
            first = "the code does not compile (" + source + " line " + (line + 1) + ")";
            traceback.add(first);
            traceback.add(snippet.source());
        }
        return new CellError("CompilationException", first, traceback);
    }

    private CellError unresolvedError(DeclarationSnippet snippet, String source, int line) {
        String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
        String message = "cannot find symbol " + missing + " (" + source + " line " + (line + 1)
                + "): declare it first, or add its library with %maven / %jars";
        return new CellError("CompilationException", message, List.of(message, snippet.source()));
    }

    /** The source line holding the diagnostic and a caret line under the faulty span. */
    private static List<String> pointAt(String code, Diag diag) {
        if (diag.getStartPosition() < 0) {
            return List.of();
        }
        int start = (int) diag.getStartPosition();
        int lineStart = code.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start == 0) {
            lineStart = 0;
        }
        int lineEnd = code.indexOf('\n', start);
        String text = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        int end = (int) Math.min(Math.max(diag.getEndPosition(), start + 1), lineStart + text.length());
        String caret = " ".repeat(start - lineStart) + "^".repeat(Math.max(1, end - start));
        return List.of("    " + text, "    " + caret);
    }

    /**
     * Names the cell line of a snippet's stack frame: JShell's {@code at .(#12:3)} becomes
     * {@code at cell [2] line 5}, and {@code at .train(#9:4)} becomes {@code at train (cell [1] line 7)}.
     */
    private String describeFrame(String frame) {
        Matcher m = SNIPPET_FRAME.matcher(frame);
        Origin origin = m.find() ? origins.get(m.group(1)) : null;
        if (origin == null) {
            return frame;
        }
        String place = origin.source() + " line " + (origin.firstLine() + Integer.parseInt(m.group(2)));
        String method = frame.substring(0, m.start()).replaceFirst("^\\s*at\\s*", "").replaceFirst("^\\.", "");
        return "\tat " + (method.isEmpty() ? place : method + " (" + place + ")");
    }

    /** Marks the start of a cell: an interrupt of an earlier cell no longer applies. */
    public void beginCell() {
        execution.beginCell();
    }

    /** Asks the running cell to stop (the interrupt button, SIGINT), including its snippets not yet started. */
    public void interrupt() {
        shell.stop();
    }

    /** JShell's own analysis, for completion and "is this input complete" questions. */
    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    @Override
    public void close() {
        shell.close();
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int countLines(String s, int end) {
        int lines = 0;
        for (int i = 0; i < Math.min(end, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel's classes: " + e.getMessage(), e);
        }
    }
}
