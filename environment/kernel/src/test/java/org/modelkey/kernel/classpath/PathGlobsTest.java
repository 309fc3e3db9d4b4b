package org.modelkey.kernel.classpath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathGlobsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("b.jar", "a.jar", "notes.txt", "sub/c.jar", "sub/deeper/d.jar")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
    }

    @Test
    void starMatchesOneFolderSorted() {
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), PathGlobs.expand("*.jar", dir));
    }

    @Test
    void globAfterAFixedFolder() {
        assertEquals(List.of(dir.resolve("sub/c.jar")), PathGlobs.expand("sub/*.jar", dir));
    }

    @Test
    void doubleStarCrossesFolders() {
        assertEquals(List.of(dir.resolve("sub/c.jar"), dir.resolve("sub/deeper/d.jar")),
                PathGlobs.expand("sub/**.jar", dir));
    }

    @Test
    void absoluteGlob() {
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")),
                PathGlobs.expand(dir.toAbsolutePath() + "/?.jar", Path.of("/")));
    }

    @Test
    void plainPathsAreKeptAndListsSplitOnThePathSeparator() {
        List<Path> paths = PathGlobs.expandList("notes.txt" + File.pathSeparator + "sub/*.jar" + File.pathSeparator, dir);
        assertEquals(List.of(dir.resolve("notes.txt"), dir.resolve("sub/c.jar")), paths);
    }

    @Test
    void aFolderIsAValidEntry() {
        assertEquals(List.of(dir.resolve("sub")), PathGlobs.expand("sub", dir));
    }

    @Test
    void missingPathSaysWhereItLooked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathGlobs.expand("nope.jar", dir));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("nope.jar").toString()), e.getMessage());
    }

    @Test
    void globWithoutMatchIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathGlobs.expand("*.zip", dir));
        assertTrue(e.getMessage().contains("no file matches *.zip"), e.getMessage());
    }

    @Test
    void recognisesGlobCharacters() {
        assertTrue(PathGlobs.isGlob("lib/*.jar"));
        assertTrue(PathGlobs.isGlob("a?.jar"));
        assertTrue(PathGlobs.isGlob("{a,b}.jar"));
        assertFalse(PathGlobs.isGlob("lib/a.jar"));
    }
}
