package org.modelkey.kernel;

import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.modelkey.kernel.api.Notebook;
import org.modelkey.kernel.classpath.MavenResolver;
import org.modelkey.kernel.display.LibraryRenderers;
import org.modelkey.kernel.exec.CellError;
import org.modelkey.kernel.exec.SnippetEvaluator;
import org.modelkey.kernel.magic.CellScript;
import org.modelkey.kernel.magic.MagicLine;
import org.modelkey.kernel.magic.NotebookMagics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Java kernel: Jupyter messaging from jjava-jupyter, Java from JShell running in this JVM
 * ({@link SnippetEvaluator}), IJava's line magics ({@link NotebookMagics}), and rich display of
 * images, XChart charts and Tablesaw tables ({@link LibraryRenderers}).
 */
public final class JavaKernel extends BaseKernel {

    static final String VERSION = "0.1.0";

    private final KernelIO kernelIO;
    private final OutputRouter router;
    private final SnippetEvaluator evaluator;
    private final LibraryRenderers libraries;

    JavaKernel(KernelIO io, OutputRouter router, SnippetEvaluator evaluator, MavenResolver resolver, Path workingDirectory) {
        super("modelkey-java", VERSION, languageInfo(), List.of(new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/")),
                null, io, new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
                new StringStyler.Builder().build());
        this.kernelIO = io;
        this.router = router;
        this.evaluator = evaluator;
        this.libraries = new LibraryRenderers(renderer);
        NotebookMagics.register(magicsRegistry, resolver, workingDirectory);
        Notebook.connect(this::displayValue);
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(System.getProperty("java.version"))
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    /** Adds jars or class folders to the notebook, then registers renderers for any new library types. */
    public void addToClasspath(List<Path> paths) {
        paths.forEach(evaluator::addToClasspath);
        libraries.refresh(evaluator.classLoader());
    }

    /**
     * Runs a cell or a {@code %load}ed file: its magics and Java code in order.
     *
     * @param source name used in error messages, e.g. {@code cell [3]} or {@code setup.jsh}
     * @return the value of the last part if it is a Java expression, else null
     */
    public Object runScript(String text, String source) throws Exception {
        Object value = null;
        for (CellScript.Part part : CellScript.parse(text)) {
            if (part.isMagic()) {
                MagicLine magic = part.magic();
                if (!magicsRegistry.getLineMagicNames().contains(magic.name())) {
                    throw new IllegalArgumentException("unknown magic %" + magic.name() + " at " + source + " line "
                            + (magic.line() + 1) + ": this kernel knows %" + String.join(", %", NotebookMagics.NAMES));
                }
                magicsRegistry.evalLineMagic(this, magic.name(), magic.args());
                value = null;
            } else {
                value = evaluator.evaluate(part.code(), source, part.firstLine());
            }
        }
        return value;
    }

    @Override
    public Object evalRaw(String source) {
        try {
            return runScript(source, "code");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Answers an execute request. Unlike the default, any failure (compile error, exception,
     * {@link Error}) becomes a Jupyter error whose {@code ename} is the real exception type.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        kernelIO.attach(env, request.isStdinEnabled());
        router.attach(io.out, io.err);
        try {
            evaluator.beginCell();
            Object value = runScript(request.getCode(), "cell [" + count + "]");
            if (value != null) {
                env.publish(new PublishExecuteResult(count, render(value)));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (Throwable failure) {
            CellError error = asCellError(failure);
            env.publish(new PublishError(error.name(), error.value(), error.traceback()));
            ErrorReply reply = new ErrorReply(error.name(), error.value(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            router.detach();
            kernelIO.detach(env);
        }
    }

    private static CellError asCellError(Throwable failure) {
        return failure instanceof CellError cellError ? cellError : CellError.of(failure);
    }

    private DisplayData render(Object value) {
        return value instanceof DisplayData data ? data : renderer.render(value);
    }

    /** Where {@link Notebook#display(Object)} lands: renders and publishes the value now. */
    private String displayValue(Object value) {
        DisplayData data = new DisplayData(render(value));
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        io.display.display(data);
        return id;
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = evaluator.analysis().documentation(code, at, true);
        if (docs.isEmpty()) {
            return null;
        }
        return new DisplayData(docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n")));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = evaluator.analysis().completionSuggestions(code, at, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis analysis = evaluator.analysis();
        StringBuilder java = new StringBuilder();
        for (CellScript.Part part : CellScript.parse(code)) {
            if (!part.isMagic()) {
                java.append(part.code());
            }
        }
        String remaining = java.toString();
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return IS_COMPLETE_YES;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return IS_COMPLETE_BAD;
                default:
                    remaining = info.remaining();
            }
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
        super.onShutdown(isRestarting);
    }
}
