package org.modelkey.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * One IJava line magic, {@code %name arg1 "arg two" ...}: a name and its arguments, split on
 * blanks; double quotes keep blanks inside an argument and a backslash escapes the next character.
 *
 * @param name the magic's name without {@code %}
 * @param args the arguments, quotes removed
 * @param line the line of the magic within its cell or file, 0-based
 */
public record MagicLine(String name, List<String> args, int line) {

    public MagicLine {
        args = List.copyOf(args);
    }

    /** Parses the text after {@code %}, e.g. {@code maven com.google.code.gson:gson:2.13.1}. */
    public static MagicLine parse(String text, int line) {
        List<String> words = split(text);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty magic at line " + (line + 1) + ": write %name followed by its arguments");
        }
        return new MagicLine(words.get(0), words.subList(1, words.size()), line);
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in magic: " + text.strip() + ": close the \" or escape it as \\\"");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
