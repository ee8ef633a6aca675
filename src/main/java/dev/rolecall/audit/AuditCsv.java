package dev.rolecall.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit CSV as PostgreSQL writes it with {@code COPY (SELECT …) TO STDOUT (FORMAT csv)}: the
 * columns, the cell of each, and the statement for a filter. A cell that a spreadsheet would run as
 * a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading single quote
 * in SQL. COPY takes no bind parameters, so the filter's values are written into the statement as
 * literals of their type: times and ids were parsed in Java and print only their own characters,
 * and text is quoted the way PostgreSQL's {@code quote_literal} does with standard-conforming strings.
 */
final class AuditCsv {

    /** One column: its header name and the SQL that writes its cell. */
    record Column(String name, String sql) {}

    /** The file's columns, in order: the one list of them. */
    static final List<Column> COLUMNS = List.of(
            new Column("event_id", "event_id"),
            // Written by PostgreSQL as ISO text in UTC; AuditCsvLines brings it to the millisecond.
            new Column("occurred_at", "occurred_at"),
            new Column("actor", neutralised("actor")),
            new Column("action", neutralised("action")),
            new Column("request_id", "request_id"),
            new Column("account_id", neutralised("account_id")),
            new Column("role_name", neutralised("role_name")),
            new Column("details", neutralised("details")),
            // The hash chain: the hash of the event before it and the event's own, lower-case hex.
            new Column("prev_hash", "encode(prev_hash, 'hex')"),
            new Column("hash", "encode(hash, 'hex')"));

    /** The header line, with the CRLF every line of the file ends with. */
    static final String HEADER =
            String.join(",", COLUMNS.stream().map(Column::name).toList()) + "\r\n";

    /** The settings the COPY runs under (SET LOCAL, in its transaction): times print as ISO text in UTC. */
    static final List<String> SETTINGS = List.of(
            "SET LOCAL TimeZone = 'UTC'",
            "SET LOCAL DateStyle = 'ISO, YMD'",
            "SET LOCAL standard_conforming_strings = on");

    private static final DateTimeFormatter LITERAL_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private AuditCsv() {}

    /** The cell's SQL: the column, with a single quote before a leading {@code = + - @ \t \r}. */
    private static String neutralised(String column) {
        return "CASE WHEN ascii(" + column + ") IN (61, 43, 45, 64, 9, 13) THEN '''' || " + column + " ELSE " + column
                + " END";
    }

    /** The COPY statement for the events that match a WHERE clause with positional parameters, oldest first. */
    static String copy(String where, List<@Nullable Object> params) {
        String cells = String.join(", ", COLUMNS.stream().map(Column::sql).toList());
        return "COPY (SELECT " + cells + " FROM audit_event" + inline(where, params)
                + " ORDER BY event_id) TO STDOUT WITH (FORMAT csv)";
    }

    /** The clause with each {@code ?} replaced by its parameter as a literal, in order. */
    static String inline(String sql, List<@Nullable Object> params) {
        StringBuilder inlined = new StringBuilder(sql.length() + 32 * params.size());
        Iterator<@Nullable Object> values = params.iterator();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                if (!values.hasNext()) {
                    throw new IllegalArgumentException("more placeholders than parameters");
                }
                inlined.append(literal(values.next()));
            } else {
                inlined.append(c);
            }
        }
        if (values.hasNext()) {
            throw new IllegalArgumentException("more parameters than placeholders");
        }
        return inlined.toString();
    }

    /** A filter value as an SQL literal of its type. */
    static String literal(@Nullable Object value) {
        if (value instanceof OffsetDateTime time) {
            return "'" + LITERAL_TIME.format(time) + "'::timestamptz";
        }
        if (value instanceof UUID id) {
            return "'" + id + "'::uuid";
        }
        if (value instanceof Long number) {
            return Long.toString(number);
        }
        if (value instanceof String text) {
            return quoted(text);
        }
        throw new IllegalArgumentException("no literal for " + (value == null ? "null" : value.getClass()));
    }

    /** Text in single quotes, each single quote doubled; with standard-conforming strings nothing else is special. */
    static String quoted(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text with a NUL character");
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
