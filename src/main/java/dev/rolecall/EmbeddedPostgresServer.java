package dev.rolecall;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolecall's own PostgreSQL: real PostgreSQL 17 binaries serving one data folder on a loopback
 * port, with password (SCRAM) authentication and durable commits.
 *
 * <p>Start-up never adopts a server it did not start on that folder: a port taken by another
 * process is swapped for a free one, a server left running by a console that was killed is
 * stopped first, and the server that answers must report this folder as its data directory. The
 * console connects as {@link #RUNTIME}, which owns nothing; {@link #OWNER} owns the schema and runs
 * the migrations; the superuser only sets the other two up ({@link EmbeddedRoles}).
 */
final class EmbeddedPostgresServer implements Closeable {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "rolecall_owner";
    static final String RUNTIME = "rolecall_app";
    static final String DATABASE = "postgres";
    static final String PORT_PROPERTY = "rolecall.database.port";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final EmbeddedCredentials credentials;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, EmbeddedCredentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
    }

    /**
     * Starts PostgreSQL on the folder, creating it on first use.
     *
     * @param preferredPort used if free on the loopback interface; otherwise any free port
     * @throws EmbeddedDatabaseException when the folder cannot be served safely, with what to do
     */
    static EmbeddedPostgresServer start(Path folder, int preferredPort) {
        Path directory = realDirectory(folder);
        EmbeddedServerLeftRunning.stopIfAny(directory);
        EmbeddedDataFolder state = EmbeddedDataFolder.inspect(directory);
        int port = choosePort(preferredPort);
        EmbeddedPostgres postgres = startPostgres(directory, state, port);
        try {
            verifyServes(directory, port, state.credentials());
            EmbeddedRoles.prepare(jdbcUrl(port), state);
            return new EmbeddedPostgresServer(postgres, directory, state.credentials());
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    String jdbcUrl() {
        return jdbcUrl(port());
    }

    EmbeddedCredentials credentials() {
        return credentials;
    }

    /** Stops the server: a fast shutdown that ends open sessions and leaves a clean folder. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static Path realDirectory(Path folder) {
        try {
            return Files.createDirectories(folder.toAbsolutePath()).toRealPath();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "The embedded database's data folder " + folder.toAbsolutePath() + " cannot be created: "
                            + e.getMessage(),
                    "Set rolecall.database.data-directory to a folder this user may write.",
                    e);
        }
    }

    /** The preferred port if nothing listens on it, else a free loopback port chosen by the system. */
    static int choosePort(int preferredPort) {
        if (isFree(preferredPort)) {
            return preferredPort;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            log.warn(
                    "Port {} ({}) is taken by another process; the embedded PostgreSQL listens on port {} instead",
                    preferredPort,
                    PORT_PROPERTY,
                    port);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedPostgres startPostgres(Path directory, EmbeddedDataFolder state, int port) {
        EmbeddedPostgres.Builder builder = builder(directory, state, port);
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException(
                    "The embedded PostgreSQL did not start on port " + port + " (" + PORT_PROPERTY + ") for "
                            + directory + ": " + e.getMessage(),
                    "Check the PostgreSQL output above; set " + PORT_PROPERTY + " to a free port if another"
                            + " process answers on it.",
                    e);
        } finally {
            state.afterInitdb();
        }
    }

    private static EmbeddedPostgres.Builder builder(Path directory, EmbeddedDataFolder state, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops the server when the context closes, after the connection pool.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // The library passes -F (fsync off) and synchronous_commit=off for tests; a later
                // -c wins, so committed approvals and audit events reach the disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "50")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", state.credentials().superuser())
                .setDataDirectoryCustomizer(state::beforeStart);
        state.initdbOptions().forEach(builder::setLocaleConfig);
        return builder;
    }

    /** The server answering on the port must be the one serving our folder, never another. */
    static void verifyServes(Path directory, int port, EmbeddedCredentials credentials) {
        String served;
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port), SUPERUSER, credentials.superuser())) {
            served = EmbeddedRoles.queryString(connection, "SHOW data_directory");
        } catch (SQLException e) {
            throw notOurs(directory, port, "it refused Rolecall's credentials (" + e.getMessage() + ")", e);
        }
        if (!sameDirectory(directory, served)) {
            throw notOurs(directory, port, "it serves the data folder " + served, null);
        }
    }

    static boolean sameDirectory(Path directory, String served) {
        try {
            return Path.of(served).toRealPath().equals(directory.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    static EmbeddedDatabaseException notOurs(Path directory, int port, String why, @Nullable Throwable cause) {
        return new EmbeddedDatabaseException(
                "The PostgreSQL answering on port " + port + " (" + PORT_PROPERTY + ") is not the embedded"
                        + " database of " + directory + ": " + why + ". Rolecall will not use another"
                        + " process's database.",
                "Stop the process listening on port " + port + ", or set " + PORT_PROPERTY + " to a free port.",
                cause);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL", e);
        }
    }
}
