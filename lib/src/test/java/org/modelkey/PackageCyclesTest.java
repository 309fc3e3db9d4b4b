package org.modelkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No import cycle between the library's packages: read from the main sources, package A depends on
 * package B when a file of A imports a class (or a static member) of B; every strongly connected
 * component of that graph must be a single package.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+(org\\.modelkey[\\w.]*)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?(org\\.modelkey(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void packagesFormNoImportCycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.size() > 5, "read only " + uses.keySet() + " from " + SOURCES.toAbsolutePath());
        List<List<String>> cycles = new ArrayList<>();
        for (List<String> component : stronglyConnected(uses)) {
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
        assertEquals(List.of(), cycles, "packages that import each other, directly or through others: " + uses);
    }

    @Test
    void theCheckSeesACycle() {
        Map<String, Set<String>> uses = new TreeMap<>();
        uses.put("a", Set.of("b"));
        uses.put("b", Set.of("c"));
        uses.put("c", Set.of("a"));
        uses.put("d", Set.of("a"));
        assertEquals(List.of(List.of("a", "b", "c")), stronglyConnected(uses).stream().filter(c -> c.size() > 1).toList());
    }

    /** Package to the other library packages its files import. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue;
                }
                String from = p.group(1);
                Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher i = IMPORT.matcher(text);
                while (i.find()) {
                    if (!i.group(1).equals(from)) {
                        to.add(i.group(1));
                    }
                }
            }
        }
        return uses;
    }

    /** Tarjan's strongly connected components, each sorted. */
    private static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            component.sort(null);
            out.add(component);
        }
    }
}
