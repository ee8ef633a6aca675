package dev.rolecall.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL all tests in a JVM share: a Testcontainers PostgreSQL 17 when Docker is
 * available, else embedded PostgreSQL 17 binaries. Started on first use; never H2.
 *
 * <p>Set up as the README tells an administrator to: a database owned by {@code rolecall_owner},
 * which Flyway migrates as, and the console connecting as {@code rolecall_app}, which owns nothing
 * and holds only the grants the migrations give it, so every test runs under those grants.
 */
public final class TestDatabase {

    /**
     * How to reach the database.
     *
     * @param url the {@code rolecall} database
     * @param username the console's login role, {@code rolecall_app}
     * @param ownerUsername the schema's owner, {@code rolecall_owner}, that Flyway migrates as
     */
    public record Connection(
            String url, String username, String password, String ownerUsername, String ownerPassword, String kind) {}

    private static volatile Connection connection;

    private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

    private TestDatabase() {}

    public static Connection connection() {
        Connection current = connection;
        if (current == null) {
            synchronized (TestDatabase.class) {
                current = connection;
                if (current == null) {
                    current = start();
                    connection = current;
                }
            }
        }
        return current;
    }

    /** Up to 32 cached contexts (Spring's default) with up to 10 connections each, and the tests' own. */
    private static final String MAX_CONNECTIONS = "500";

    private static Connection start() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                    .withCommand("postgres", "-c", "max_connections=" + MAX_CONNECTIONS);
            container.start();
            String server = "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/";
            return createRoles(
                    server, container.getJdbcUrl(), container.getUsername(), container.getPassword(), "testcontainers");
        }
        try {
            // Every cached test context keeps a pool of its own: room for all of them.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .setRegisterShutdownHook(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterContexts(postgres), "test-database-stop"));
            String server = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            return createRoles(server, server + "postgres", "postgres", "postgres", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /**
     * Closes the test contexts that use the database, then stops it. Spring closes each cached
     * context in a shutdown hook of its own, in no order with this one: stopped first, the database
     * would make every closing context wait for connections (db-scheduler, sessions) until the
     * test JVM is killed.
     */
    private static void stopAfterContexts(EmbeddedPostgres postgres) {
        List<ConfigurableApplicationContext> open;
        synchronized (CONTEXTS) {
            open = new ArrayList<>(CONTEXTS);
        }
        Collections.reverse(open);
        for (ConfigurableApplicationContext context : open) {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("closing a test context before the database stopped: " + e);
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("stopping the test database: " + e);
        }
    }

    /** A test context on this database, closed before the database stops at the JVM's exit. */
    static void closeBeforeStop(ConfigurableApplicationContext context) {
        synchronized (CONTEXTS) {
            CONTEXTS.add(context);
        }
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                synchronized (CONTEXTS) {
                    CONTEXTS.remove(context);
                }
            }
        });
    }

    /** The README's "Use a real PostgreSQL" statements, run as the server's superuser. */
    private static Connection createRoles(
            String server, String superuserUrl, String superuser, String superuserPassword, String kind) {
        String ownerPassword = UUID.randomUUID().toString();
        String runtimePassword = UUID.randomUUID().toString();
        try (java.sql.Connection admin = DriverManager.getConnection(superuserUrl, superuser, superuserPassword);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE rolecall_owner LOGIN PASSWORD '" + ownerPassword + "'");
            statement.execute("CREATE ROLE rolecall_app LOGIN PASSWORD '" + runtimePassword + "'");
            statement.execute("CREATE DATABASE rolecall OWNER rolecall_owner");
            statement.execute("REVOKE ALL ON DATABASE rolecall FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE rolecall TO rolecall_app");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database's roles", e);
        }
        return new Connection(
                server + "rolecall", "rolecall_app", runtimePassword, "rolecall_owner", ownerPassword, kind);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
