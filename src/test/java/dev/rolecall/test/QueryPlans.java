package dev.rolecall.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
     * The generic plan of a statement: the one PostgreSQL may keep for a statement the driver has
     * prepared, once it has run a few times, and reuse for any parameter values. Each parameter has
     * the type the driver sends for its Java value, as in the console.
     */
    public String explainGeneric(String sql, List<?> params) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c != '?') {
                numbered.append(c);
                continue;
            }
            Object value = params.get(next++);
            numbered.append("($").append(next).append(type(value)).append(')');
        }
        if (next != params.size()) {
            throw new IllegalArgumentException(params.size() + " parameters for " + next + " placeholders: " + sql);
        }
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE generic_plan AS " + numbered);
            try (ResultSet rs = statement.executeQuery("EXPLAIN EXECUTE generic_plan"
                    + (next == 0 ? "" : "(" + String.join(", ", Collections.nCopies(next, "NULL")) + ")"))) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            statement.execute("DEALLOCATE generic_plan");
            statement.execute("RESET plan_cache_mode");
        }
        return String.join("\n", lines);
    }

    /** The types PgJDBC gives parameters of these Java types ({@code stringtype} left as varchar). */
    private static final Map<Class<?>, String> TYPES = Map.of(
            String.class, "::varchar",
            String[].class, "::varchar[]",
            UUID.class, "::uuid",
            UUID[].class, "::uuid[]",
            Long.class, "::int8",
            Integer.class, "::int4",
            Boolean.class, "::bool",
            OffsetDateTime.class, "::timestamptz");

    private static String type(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String type = TYPES.get(value.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no PostgreSQL type known for " + value.getClass());
        }
        return type;
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
