package dev.rolecall.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Query plans on the shared test PostgreSQL at volume, with nothing left behind: as the schema's
 * owner (who may ANALYZE), one transaction fills tables with generated rows, refreshes their
 * statistics, explains the statements and rolls everything back, statistics included.
 */
public final class QueryPlans implements AutoCloseable {

    private final Connection connection;

    private QueryPlans(Connection connection) {
        this.connection = connection;
    }

    /** Opens a transaction that runs {@code fill} (SQL statements) and then ANALYZE on {@code tables}. */
    public static QueryPlans filled(List<String> fill, String... tables) throws SQLException {
        TestDatabase.Connection db = TestDatabase.connection();
        Connection connection = DriverManager.getConnection(db.url(), db.ownerUsername(), db.ownerPassword());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : fill) {
                statement.execute(sql);
            }
            for (String table : tables) {
                statement.execute("ANALYZE " + table);
            }
        }
        return new QueryPlans(connection);
    }

    /** The plan PostgreSQL chooses for a statement with these parameter values, one line per row. */
    public String explain(String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }

    /**
     * What is wrong with a plan for a page: a sequential scan of {@code table}, or an aggregate
     * (a count) whose input is not cut off by a LIMIT. Empty when nothing is.
     */
    public static List<String> problems(String plan, String table) {
        List<String> problems = new ArrayList<>();
        String[] lines = plan.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains("Seq Scan on " + table)) {
                problems.add("sequential scan: " + line.strip());
            }
            if (line.contains("Aggregate") && (i + 1 >= lines.length || !lines[i + 1].contains("Limit"))) {
                problems.add("count without a limit: " + line.strip());
            }
        }
        return problems;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
