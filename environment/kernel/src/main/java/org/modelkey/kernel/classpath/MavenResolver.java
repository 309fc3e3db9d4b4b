package org.modelkey.kernel.classpath;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves Maven coordinates ({@code group:artifact[:extension[:classifier]]:version}) to jar
 * files with their runtime dependencies, transitively and with classifiers, using the Maven
 * resolver library (no {@code mvn} process). The local repository is tried first with the
 * resolver offline, so artifacts already there, including locally installed {@code -SNAPSHOT}s
 * without remote metadata, never touch the network; only what is missing is fetched from Maven
 * Central.
 */
public final class MavenResolver {

    /** Maven Central under the id Maven itself records, so artifacts it downloaded count as present offline. */
    static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final Path localRepository;
    private final List<RemoteRepository> remotes;
    private RepositorySystem system;

    public MavenResolver(Path localRepository, List<RemoteRepository> remotes) {
        this.localRepository = localRepository;
        this.remotes = List.copyOf(remotes);
    }

    /** Uses {@code -Dmaven.repo.local} if set, else {@code ~/.m2/repository}, and Maven Central. */
    public static MavenResolver standard() {
        String local = System.getProperty("maven.repo.local");
        Path repository = local != null ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenResolver(repository, List.of(CENTRAL));
    }

    /** The local repository in use. */
    public Path localRepository() {
        return localRepository;
    }

    /**
     * Resolves the coordinates and their compile and runtime dependencies to files, in
     * dependency order.
     *
     * @throws IllegalArgumentException for malformed coordinates, or artifacts found neither in
     *                                  the local repository nor on Maven Central
     */
    public List<Path> resolve(List<String> coordinates) {
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("%maven needs coordinates: %maven group:artifact:version [more ...]");
        }
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), "compile"));
        }
        try {
            return resolve(collect, true);
        } catch (DependencyResolutionException offline) {
            try {
                return resolve(collect, false);
            } catch (DependencyResolutionException online) {
                throw new IllegalArgumentException("cannot resolve " + String.join(" ", coordinates) + ": "
                        + online.getMessage() + ". Check the coordinates (group:artifact[:extension[:classifier]]:version);"
                        + " artifacts not yet in " + localRepository + " are fetched from Maven Central, which must be reachable",
                        online);
            }
        }
    }

    private List<Path> resolve(CollectRequest collect, boolean offline) throws DependencyResolutionException {
        RepositorySystem repositorySystem = system();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(repositorySystem).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .setOffline(offline)
                .build()) {
            collect.setRepositories(repositorySystem.newResolutionRepositories(session, remotes));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime"));
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : repositorySystem.resolveDependencies(session, request).getArtifactResults()) {
                files.add(result.getArtifact().getPath());
            }
            return files;
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }
}
