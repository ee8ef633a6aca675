package dev.rolecall.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A real moto server (an AWS emulator) for tests that talk to IAM and STS, on a free loopback port;
 * one per test JVM, shared by every test class that uses it.
 *
 * <p>A test class declares {@link UsesMoto @UsesMoto}: the server is started on first use, forgets
 * everything before each test, and is stopped when the JVM exits. Spring tests point an account at it
 * with {@code registry.add("rolecall.accounts[1].endpoint", () -> MotoServer.shared().endpoint()
 * .toString())}; test methods may take a {@code MotoServer} parameter.
 *
 * <p>Started from {@code moto_server} on the {@code PATH} (or in {@code $HOME/.pyenv/shims} or
 * {@code $PYENV_ROOT/shims}); where that is missing but Docker is available, from the
 * {@value #IMAGE} image. Where neither exists every test class that needs it is skipped with a
 * message naming what is missing, except when the {@code CI} environment variable is set: then they
 * fail, so a CI machine never silently skips the IAM tests. AWS managed policies are loaded
 * ({@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}), so {@code arn:aws:iam::aws:policy/...} ARNs can be
 * attached and used as boundaries.
 *
 * <p>Starting it also sets the system properties {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} to dummy values unless they are set already: the SDK's default
 * credentials chain reads them first, so tests never need (or send) real AWS credentials.
 *
 * <p>Test classes that share the server must not run in parallel with each other.
 */
public final class MotoServer implements AutoCloseable {

    /** The image used when {@code moto_server} is not installed. */
    public static final String IMAGE = "motoserver/moto:5.2.1";

    /** The dummy credentials {@link #start()} sets for the SDK. */
    public static final String TEST_ACCESS_KEY_ID = "testing";

    public static final String TEST_SECRET_ACCESS_KEY = "testing";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private final URI endpoint;
    private final String kind;
    private final Runnable stop;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MotoServer(URI endpoint, String kind, Runnable stop) {
        this.endpoint = endpoint;
        this.kind = kind;
        this.stop = stop;
    }

    private static @Nullable MotoServer shared;
    private static @Nullable RuntimeException unavailable;

    /**
     * The moto server of this test JVM, started on first use and stopped when the JVM exits. When it
     * cannot start, every call throws what the first attempt threw: the calling test is skipped, or
     * fails on CI.
     */
    public static synchronized MotoServer shared() {
        if (shared == null && unavailable == null) {
            try {
                MotoServer server = start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
                shared = server;
            } catch (RuntimeException e) {
                unavailable = e;
            }
        }
        if (shared != null) {
            return shared;
        }
        if (unavailable instanceof TestAbortedException) {
            throw new TestAbortedException(unavailable.getMessage());
        }
        throw new IllegalStateException(unavailable.getMessage(), unavailable);
    }

    /**
     * Starts a moto server, or skips (fails, on CI) the calling test when neither
     * {@code moto_server} nor Docker is available.
     */
    private static MotoServer start() {
        useTestCredentials();
        Optional<Path> executable = findExecutable();
        if (executable.isPresent()) {
            return startProcess(executable.get());
        }
        if (dockerAvailable()) {
            return startContainer();
        }
        String missing = "IAM tests need a moto server, but neither moto_server (looked on PATH, in "
                + "$HOME/.pyenv/shims and $PYENV_ROOT/shims) nor Docker is available. "
                + "Install it with: pip install 'moto[server]'";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing + " (CI is set, so the IAM tests may not be skipped)");
        }
        return Assumptions.abort(missing + "; skipping.");
    }

    /** Sets dummy AWS credentials as system properties, unless some are set already. */
    public static void useTestCredentials() {
        if (System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", TEST_ACCESS_KEY_ID);
            System.setProperty("aws.secretAccessKey", TEST_SECRET_ACCESS_KEY);
        }
    }

    /** An IAM client for this server, for tests that read back what Rolecall did; close it after use. */
    public IamClient iamClient() {
        return IamClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY)))
                .build();
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:43121}: an SDK endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** {@code process} for a local moto_server, {@code docker} for the container. */
    public String kind() {
        return kind;
    }

    /** Forgets every resource in every account, as on a fresh start. */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        int status = send(request);
        if (status != 200) {
            throw new IllegalStateException("moto reset answered HTTP " + status);
        }
    }

    /**
     * Stops the server: the moto_server process and everything it started, or the container. The
     * shared server is stopped when the JVM exits; tests do not close it.
     */
    @Override
    public void close() {
        stop.run();
    }

    static Optional<Path> findExecutable() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                if (!directory.isBlank()) {
                    candidates.add(Path.of(directory, "moto_server"));
                }
            }
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server"));
        String pyenvRoot = System.getenv("PYENV_ROOT");
        if (pyenvRoot != null && !pyenvRoot.isBlank()) {
            candidates.add(Path.of(pyenvRoot, "shims", "moto_server"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static MotoServer startProcess(Path executable) {
        ExitedEarly last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                return startProcessOn(executable, freeLoopbackPort());
            } catch (ExitedEarly e) {
                last = e; // most likely another process took the port first; try another
            }
        }
        throw last;
    }

    private static MotoServer startProcessOn(Path executable, int port) {
        Path log = createLog();
        ProcessBuilder builder = new ProcessBuilder(
                        executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + executable, e);
        }
        Thread shutdownHook = new Thread(() -> destroyTree(process));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Runnable stop = () -> {
            destroyTree(process);
            removeShutdownHook(shutdownHook);
            deleteQuietly(log);
        };
        MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), "process", stop);
        try {
            server.awaitHealthy(process, log);
            return server;
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
    }

    private static MotoServer startContainer() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(5000)
                .withEnv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
                .waitingFor(Wait.forHttp("/moto-api/").forStatusCode(200).withStartupTimeout(STARTUP_TIMEOUT));
        container.start();
        URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(5000));
        return new MotoServer(endpoint, "docker", container::stop);
    }

    private void awaitHealthy(Process process, Path log) {
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new ExitedEarly("moto_server exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
            pause();
        }
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s:\n" + tail(log));
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("moto did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling moto", e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Path createLog() {
        try {
            return Files.createTempFile("moto_server-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output)";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary log is harmless
        }
    }

    /** moto_server stopped before it answered, e.g. because its port was taken meanwhile. */
    private static final class ExitedEarly extends IllegalStateException {

        ExitedEarly(String message) {
            super(message);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for moto_server", e);
        }
    }
}
