package org.modelkey.kernel.classpath;

import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resolution never needs the network when the artifacts are local: "central" points at a closed
 * port here, so any attempt to go online would fail the test.
 */
class MavenResolverTest {

    private static final RemoteRepository UNREACHABLE_CENTRAL =
            new RemoteRepository.Builder("central", "default", "http://127.0.0.1:9/maven2/").build();

    @TempDir
    Path repo;

    @Test
    void resolvesFromTheUserRepositoryOfflineWithTransitiveDependencies() {
        Path userRepository = MavenResolver.standard().localRepository();
        MavenResolver resolver = new MavenResolver(userRepository, List.of(UNREACHABLE_CENTRAL));

        List<String> files = names(resolver.resolve(List.of("com.google.code.gson:gson:2.13.1")));

        assertEquals(List.of("gson-2.13.1.jar", "error_prone_annotations-2.38.0.jar"), files);
    }

    @Test
    void resolvesALocallyInstalledSnapshotAndAClassifiedDependency() throws IOException {
        install("org.example", "native", "1.0", "linux-x86_64", "");
        install("org.example", "app", "1.0-SNAPSHOT", null, """
                <dependency><groupId>org.example</groupId><artifactId>native</artifactId><version>1.0</version>
                  <classifier>linux-x86_64</classifier></dependency>
                """);
        MavenResolver resolver = new MavenResolver(repo, List.of(UNREACHABLE_CENTRAL));

        List<String> files = names(resolver.resolve(List.of("org.example:app:1.0-SNAPSHOT")));

        assertEquals(List.of("app-1.0-SNAPSHOT.jar", "native-1.0-linux-x86_64.jar"), files);
    }

    @Test
    void acceptsExtensionAndClassifierInCoordinates() throws IOException {
        install("org.example", "native", "1.0", "linux-x86_64", "");
        MavenResolver resolver = new MavenResolver(repo, List.of(UNREACHABLE_CENTRAL));

        assertEquals(List.of("native-1.0-linux-x86_64.jar"),
                names(resolver.resolve(List.of("org.example:native:jar:linux-x86_64:1.0"))));
    }

    @Test
    void missingArtifactNamesTheCoordinatesAndTheFix() {
        MavenResolver resolver = new MavenResolver(repo, List.of(UNREACHABLE_CENTRAL));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(List.of("org.example:absent:1.0")));

        assertTrue(e.getMessage().contains("cannot resolve org.example:absent:1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("Check the coordinates"), e.getMessage());
    }

    @Test
    void malformedCoordinatesAreRefused() {
        MavenResolver resolver = new MavenResolver(repo, List.of(UNREACHABLE_CENTRAL));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(List.of("gson-2.13.1")));

        assertTrue(e.getMessage().contains("<groupId>:<artifactId>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(List.of()));
    }

    /** Lays out an artifact as {@code mvn install} would (a pom, a jar, no remote origin). */
    private void install(String group, String artifact, String version, String classifier, String dependencies)
            throws IOException {
        Path dir = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        String base = artifact + "-" + version;
        Files.writeString(dir.resolve(base + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(group, artifact, version, dependencies));
        Files.write(dir.resolve(base + (classifier == null ? "" : "-" + classifier) + ".jar"), new byte[] {'P', 'K', 5, 6});
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
}
