package org.modelkey.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell (or a {@code %load}ed file) cut into its parts in order: runs of Java code and the IJava
 * line magics between them. A line magic is a line whose first non-blank characters are {@code %}
 * and a letter, as in IJava, outside a text block; everything else is Java. Cell magics ({@code %%name} on the first
 * line) are not part of the dialect the notebooks use and are refused.
 */
public final class CellScript {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\p{Alpha}.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%\\p{Alpha}.*");
    private static final String TEXT_BLOCK_QUOTES = "\"\"\"";

    /** One part: either Java code (then {@code magic} is null) or a magic. */
    public record Part(String code, MagicLine magic, int firstLine) {
        public boolean isMagic() {
            return magic != null;
        }
    }

    private CellScript() {}

    /** Splits {@code text} into code parts and magic parts, keeping their order and line numbers. */
    public static List<Part> parse(String text) {
        String[] lines = text.split("\\R", -1);
        List<Part> parts = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        boolean inTextBlock = false;
        for (int i = 0; i < lines.length; i++) {
            if (i == 0 && CELL_MAGIC.matcher(lines[i]).matches()) {
                throw new IllegalArgumentException("cell magic " + lines[i].strip()
                        + " is not supported: use the line magics %maven, %jars, %classpath and %load");
            }
            Matcher magic = LINE_MAGIC.matcher(lines[i]);
            if (!inTextBlock && magic.matches()) {
                addCode(parts, code, codeStart);
                parts.add(new Part(null, MagicLine.parse(magic.group(1), i), i));
                codeStart = i + 1;
            } else {
                code.append(lines[i]).append('\n');
                inTextBlock ^= lines[i].split(TEXT_BLOCK_QUOTES, -1).length % 2 == 0;
            }
        }
        addCode(parts, code, codeStart);
        return parts;
    }

    private static void addCode(List<Part> parts, StringBuilder code, int firstLine) {
        if (!code.toString().isBlank()) {
            parts.add(new Part(code.toString(), null, firstLine));
        }
        code.setLength(0);
    }
}
