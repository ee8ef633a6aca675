package dev.rolecall;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For statements whose best plan depends on their values: a list page's filters and keyset position,
 * a report's time window. A statement the driver has prepared on the server may, after five runs,
 * be given one generic plan that PostgreSQL reuses for any values; for these statements that plan
 * would walk a whole index or table for a rare value (an account with three events among 1,000,000),
 * or could not read a partial index at all. Statements run through this client are never prepared
 * on the server, so each run is planned with its own values. Every other statement (lookups by key,
 * the session store) may keep a generic plan and skip planning.
 */
public final class PlannedWithValues {

    private PlannedWithValues() {}

    /** A client whose statements are planned with their values on every run. */
    public static JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(new Template(dataSource));
    }

    private static final class Template extends JdbcTemplate {

        Template(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void applyStatementSettings(Statement statement) throws SQLException {
            super.applyStatementSettings(statement);
            // 0: the driver sends the statement unnamed on every run, never as a server-side one.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
