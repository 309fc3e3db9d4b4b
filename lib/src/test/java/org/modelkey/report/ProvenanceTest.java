package org.modelkey.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path repo;

    private static String notebook(String code, String output) {
        return "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"# title\"]},"
                + " {\"cell_type\": \"code\", \"source\": [\"" + code + "\"], \"outputs\": [{\"text\": \"" + output + "\"}]}],"
                + " \"nbformat\": 4}";
    }

    private void git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 7];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repo.toString();
        command[3] = "-c";
        command[4] = "user.name=test";
        command[5] = "-c";
        command[6] = "user.email=test@example.org";
        System.arraycopy(args, 0, command, 7, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private String commitId() throws IOException {
        Process p = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--short=10", "HEAD").start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @Test
    void newOutputsAreCleanButChangedCodeIsDirty() throws Exception {
        Path nb = repo.resolve("notebooks").resolve("01-x.ipynb");
        Files.createDirectories(nb.getParent());
        Files.writeString(nb, notebook("int a = 1;", "old output"));
        Path source = repo.resolve("lib").resolve("A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}\n");
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "first");
        String id = commitId();
        assertEquals(id, Provenance.commit(repo));

        Files.writeString(nb, notebook("int a = 1;", "new output of a run"));
        assertEquals(id, Provenance.commit(repo), "a notebook re-run in place (same code, new outputs) is clean");

        Files.writeString(nb, notebook("int a = 2;", "new output of a run"));
        assertEquals(id + "-dirty", Provenance.commit(repo), "a changed code cell is dirty");

        Files.writeString(nb, notebook("int a = 1;", "old output"));
        Files.writeString(source, "class A { int b; }\n");
        assertEquals(id + "-dirty", Provenance.commit(repo), "changed library code is dirty");
    }

    @Test
    void outsideAGitCheckoutTheCommitIsUnknown() {
        assertEquals("unknown", Provenance.commit(repo));
    }
}
