package dev.rolecall;

import static dev.rolecall.EmbeddedPostgresServer.OWNER;
import static dev.rolecall.EmbeddedPostgresServer.RUNTIME;
import static dev.rolecall.EmbeddedPostgresServer.SUPERUSER;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Sets up the embedded database's roles, as its superuser, on every start: {@code rolecall_owner}
 * owns the schema and runs the migrations; {@code rolecall_app}, the running console, owns nothing
 * and gets its table grants from the migrations (V5). Passwords are hashed (SCRAM) by the driver,
 * so they never reach the server or its log in clear.
 */
final class EmbeddedRoles {

    /** Objects a console from before the owner role created as the superuser pass to the owner. */
    private static final String HAND_OVER_SUPERUSER_OBJECTS = """
            DO $$
            DECLARE
                statement text;
            BEGIN
                FOR statement IN
                    SELECT format('ALTER TABLE %s OWNER TO rolecall_owner', c.oid::regclass)
                    FROM pg_class c
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                      AND c.relowner = 'postgres'::regrole
                    UNION ALL
                    SELECT format('ALTER FUNCTION %s OWNER TO rolecall_owner', p.oid::regprocedure)
                    FROM pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
                LOOP
                    EXECUTE statement;
                END LOOP;
            END $$""";

    private EmbeddedRoles() {}

    static void prepare(String jdbcUrl, EmbeddedDataFolder folder) {
        EmbeddedCredentials credentials = folder.credentials();
        boolean setPasswords = folder.kind() != EmbeddedDataFolder.Kind.READY;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, SUPERUSER, credentials.superuser())) {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            if (setPasswords) {
                postgres.alterUserPassword(SUPERUSER, credentials.superuser().toCharArray(), "scram-sha-256");
            }
            ensureRole(connection, OWNER, setPasswords ? credentials.owner() : null);
            ensureRole(connection, RUNTIME, setPasswords ? credentials.runtime() : null);
            execute(connection, "GRANT CREATE ON SCHEMA public TO " + OWNER);
            execute(connection, HAND_OVER_SUPERUSER_OBJECTS);
            if (folder.kind() == EmbeddedDataFolder.Kind.TRUST) {
                folder.finishUpgrade();
                queryString(connection, "SELECT pg_reload_conf()::text");
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException(
                    "The embedded database's roles could not be set up: " + e.getMessage(),
                    "Check the PostgreSQL output above.",
                    e);
        }
    }

    /** A login role with no powers beyond logging in; its password set when one is given. */
    private static void ensureRole(Connection connection, String role, @Nullable String password) throws SQLException {
        if (!roleExists(connection, role)) {
            execute(connection, "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION");
        }
        if (password != null) {
            connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
        }
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
