package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded database, started through the production code on folders of its own. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path temp;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : started) {
            server.close();
        }
    }

    @Test
    void twoFoldersStartOnTheirOwnPortsAndEachSeesOnlyItsOwnData() throws Exception {
        int preferred = freePort();
        EmbeddedPostgresServer first = start(temp.resolve("first"), preferred);
        EmbeddedPostgresServer second = start(temp.resolve("second"), preferred);

        assertThat(first.port()).isEqualTo(preferred);
        assertThat(second.port()).isNotEqualTo(preferred);
        write(first, "first");
        write(second, "second");
        assertThat(read(first)).isEqualTo("first");
        assertThat(read(second)).isEqualTo("second");
        assertThat(query(first, "SHOW data_directory"))
                .isEqualTo(first.dataDirectory().toString());
        assertThat(query(second, "SHOW data_directory"))
                .isEqualTo(second.dataDirectory().toString());
    }

    @Test
    void refusesAServerThatServesAnotherFolder() throws Exception {
        EmbeddedPostgresServer other = start(temp.resolve("other"), freePort());
        Path ours = Files.createDirectories(temp.resolve("ours"));

        assertThatThrownBy(() -> EmbeddedPostgresServer.verifyServes(ours, other.port(), other.credentials()))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("port " + other.port() + " (rolecall.database.port)")
                .hasMessageContaining("serves the data folder " + other.dataDirectory());
        assertThatThrownBy(
                        () -> EmbeddedPostgresServer.verifyServes(ours, other.port(), EmbeddedCredentials.generate()))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("rolecall.database.port")
                .hasMessageContaining("refused Rolecall's credentials");
    }

    @Test
    void refusesAFolderThatARunningConsoleServesWithAMessageInsteadOfAStackTrace() throws Exception {
        EmbeddedPostgresServer running = start(temp.resolve("data"), freePort());

        assertThatThrownBy(() -> start(running.dataDirectory(), freePort()))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("is in use by another running Rolecall")
                .satisfies(failure -> {
                    FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer()
                            .analyze(new IllegalStateException("bean creation failed", failure));
                    assertThat(analysis.getDescription())
                            .contains(running.dataDirectory().toString());
                    assertThat(analysis.getAction()).contains("rolecall.database.data-directory");
                });
        assertThat(query(running, "SELECT 1::text")).isEqualTo("1");
    }

    @Test
    void requiresAPasswordKeptInAFileOnlyItsOwnerMayRead() throws Exception {
        EmbeddedPostgresServer server = start(temp.resolve("data"), freePort());
        Path passwords = server.dataDirectory().resolve(EmbeddedCredentials.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(passwords)).contains(server.credentials().superuser());
        for (String user : List.of("postgres", "rolecall_owner", "rolecall_app")) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), user, "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), user, null))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        assertThat(Files.readString(server.dataDirectory().resolve("pg_hba.conf")))
                .doesNotContain("trust")
                .contains("scram-sha-256");
        assertThat(query(server, "SELECT rolsuper::text FROM pg_roles WHERE rolname = 'rolecall_app'"))
                .isEqualTo("false");
    }

    @Test
    void commitsDurably() throws Exception {
        EmbeddedPostgresServer server = start(temp.resolve("data"), freePort());

        assertThat(query(server, "SHOW fsync")).isEqualTo("on");
        assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
        assertThat(query(server, "SHOW full_page_writes")).isEqualTo("on");
    }

    @Test
    void startsAgainOnItsFolderWithTheSamePasswords() throws Exception {
        Path folder = temp.resolve("data");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(folder, freePort());
        write(first, "kept");
        EmbeddedCredentials credentials = first.credentials();
        first.close();

        EmbeddedPostgresServer again = start(folder, freePort());

        assertThat(again.credentials()).isEqualTo(credentials);
        assertThat(read(again)).isEqualTo("kept");
    }

    @Test
    void upgradesAFolderFromBeforePasswordsInPlace() throws Exception {
        Path folder = temp.resolve("legacy");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
                        .setDataDirectory(folder)
                        .setCleanDataDirectory(false)
                        .setPort(freePort())
                        .start();
                Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + legacy.getPort() + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (name text)");
            statement.execute("INSERT INTO marker VALUES ('from before passwords')");
        }

        EmbeddedPostgresServer server = start(folder, freePort());

        assertThat(Files.exists(folder.resolve(EmbeddedCredentials.FILE_NAME))).isTrue();
        assertThat(Files.readString(folder.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "wrong"))
                .hasMessageContaining("password authentication failed");
        assertThat(read(server)).isEqualTo("from before passwords");
        assertThat(query(server, "SELECT tableowner FROM pg_tables WHERE tablename = 'marker'"))
                .isEqualTo("rolecall_owner");
    }

    @Test
    void stopsTheServerAKilledConsoleLeftRunningAndStartsExactlyOneAgain() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("data")).toRealPath();
        Process console = startConsoleProcess(folder, "before the kill");
        long leftRunning = postmasterPid(folder);
        console.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no chance to stop PostgreSQL
        assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).contains(true);

        EmbeddedPostgresServer again = start(folder, freePort());

        assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(postmasterPid(folder)).isNotEqualTo(leftRunning);
        assertThat(postmastersServing(folder)).isEqualTo(1);
        assertThat(read(again)).isEqualTo("before the kill");
        assertThat(query(again, "SHOW data_directory")).isEqualTo(folder.toString());
    }

    private Process startConsoleProcess(Path folder, String marker) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = temp.resolve("console.log");
        Process console = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        classpath,
                        EmbeddedPostgresConsole.class.getName(),
                        folder.toString(),
                        Integer.toString(freePort()),
                        marker)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Awaitility.await("the console process to start its database")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !console.isAlive() || Files.readString(output).contains("READY"));
        assertThat(console.isAlive()).as(() -> readQuietly(output)).isTrue();
        return console;
    }

    private static long postmasterPid(Path folder) throws IOException {
        return Long.parseLong(
                Files.readAllLines(folder.resolve("postmaster.pid")).get(0).strip());
    }

    /** PostgreSQL server processes started on the folder (their children rename themselves). */
    private static long postmastersServing(Path folder) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false))
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).contains(folder.toString()))
                        .orElse(false))
                .count();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private EmbeddedPostgresServer start(Path folder, int port) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, port);
        started.add(server);
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void write(EmbeddedPostgresServer server, String name) throws SQLException {
        try (Connection connection = asOwner(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (name text)");
            statement.execute("INSERT INTO marker VALUES ('" + name + "')");
        }
    }

    static String read(EmbeddedPostgresServer server) throws SQLException {
        try (Connection connection = asOwner(server)) {
            return EmbeddedRoles.queryString(connection, "SELECT string_agg(name, ',') FROM marker");
        }
    }

    static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                server.jdbcUrl(), "postgres", server.credentials().superuser())) {
            return EmbeddedRoles.queryString(connection, sql);
        }
    }

    private static Connection asOwner(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(
                server.jdbcUrl(), "rolecall_owner", server.credentials().owner());
    }
}
