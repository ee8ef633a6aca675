package dev.rolecall.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL all tests in a JVM share: a Testcontainers PostgreSQL 17 when Docker is
 * available, else embedded PostgreSQL 17 binaries. Started on first use; never H2.
 */
public final class TestDatabase {

    /** How to reach the database. */
    public record Connection(String url, String username, String password, String kind) {}

    private static volatile Connection connection;

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

    private static Connection start() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Connection(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword(), "testcontainers");
        }
        try {
            // Embedded PostgreSQL stops itself in a JVM shutdown hook.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
