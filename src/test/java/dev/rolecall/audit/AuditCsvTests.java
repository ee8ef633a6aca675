package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.test.RolecallIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit CSV as PostgreSQL's COPY writes it, on real PostgreSQL: the file's exact bytes, formula
 * cells neutralised, line breaks kept inside quoted cells, and filter values that try to break out
 * of their literal matching nothing and changing nothing.
 */
@RolecallIntegrationTest
class AuditCsvTests {

    private static final List<String> BREAKOUTS = List.of(
            "x' OR '1'='1",
            "x'); DROP TABLE audit_event; --",
            "x\\' OR 1=1 --",
            "x'' OR ''1''=''1",
            "$$ OR true $$",
            "x' UNION SELECT 1,2,3,4,5,6,7,8 --",
            "x') TO PROGRAM 'id' --");

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    private void insert(String actor, String action, String account, String role, String details, String at) {
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, request_id, account_id, role_name, details)
                values (?, ?, ?, null, ?, ?, ?)""", OffsetDateTime.parse(at), actor, action, account, role, details);
    }

    private String export(AuditFilter filter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.startExport(filter, "test", CAROL).writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheExactFileWithFormulaCellsNeutralisedAndLineBreaksKeptInsideCells() throws IOException {
        String actor = "=csv-" + UUID.randomUUID();
        insert(
                actor,
                "@test.formula",
                "111122223333",
                "+deploy",
                "{\"note\":\"a,b \\\"q\\\"\"}",
                "2026-01-02T00:00:00Z");
        insert(actor, "test.lines", "111122223333", "-role", "{\"note\":\"one\\ntwo\"}\n", "2026-01-02T03:04:05.06Z");
        insert(actor, "test.micros", "111122223333", "role", "\t{}", "2026-01-02T03:04:05.123456Z");

        String csv = export(new AuditFilter(null, null, actor, null));

        assertThat(csv).startsWith(AuditCsv.HEADER).endsWith("\r\n");
        assertThat(csv.split("\r\n", -1)).hasSize(5);
        // Rows written here by plain SQL are outside the chain: their hash cells are empty.
        assertThat(csv).contains("}\n\",,\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toMap())
                .containsEntry("occurred_at", "2026-01-02T00:00:00.000Z")
                .containsEntry("actor", "'" + actor)
                .containsEntry("action", "'@test.formula")
                .containsEntry("request_id", "")
                .containsEntry("role_name", "'+deploy")
                .containsEntry("details", "{\"note\":\"a,b \\\"q\\\"\"}");
        assertThat(rows.get(1).toMap())
                .containsEntry("occurred_at", "2026-01-02T03:04:05.060Z")
                .containsEntry("role_name", "'-role")
                .containsEntry("details", "{\"note\":\"one\\ntwo\"}\n");
        assertThat(rows.get(2).toMap())
                .containsEntry("occurred_at", "2026-01-02T03:04:05.123Z")
                .containsEntry("role_name", "role")
                .containsEntry("details", "'\t{}");
    }

    @Test
    void aQuoteInAFilterValueIsPartOfTheValue() throws IOException {
        String actor = "o'brien-" + UUID.randomUUID();
        insert(actor, "test.quote", "111122223333", "role", "{}", "2026-01-03T00:00:00Z");

        assertThat(export(new AuditFilter(null, null, actor, null)).split("\r\n"))
                .hasSize(2);
    }

    @Test
    void valuesThatTryToBreakOutOfTheirLiteralMatchNothingAndChangeNothing() throws IOException {
        List<Function<String, AuditFilter>> filters = List.of(
                value -> new AuditFilter(null, null, value, null),
                value -> new AuditFilter(null, null, null, null, value, null, null),
                value -> new AuditFilter(null, null, null, null, null, value, null),
                value -> new AuditFilter(null, null, null, null, null, null, value));
        for (Function<String, AuditFilter> filter : filters) {
            for (String breakout : BREAKOUTS) {
                assertThat(export(filter.apply(breakout)))
                        .as("%s", filter.apply(breakout))
                        .isEqualTo(AuditCsv.HEADER);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class))
                .isPositive();
    }

    @Test
    void timesAndIdsBecomeLiteralsOfTheirTypeAndTextCannotCarryANul() {
        assertThat(AuditCsv.literal(
                        OffsetDateTime.ofInstant(Instant.parse("2026-11-28T10:15:30.123Z"), ZoneOffset.UTC)))
                .isEqualTo("'2026-11-28T10:15:30.123Z'::timestamptz");
        UUID id = UUID.randomUUID();
        assertThat(AuditCsv.literal(id)).isEqualTo("'" + id + "'::uuid");
        assertThat(AuditCsv.quoted("it's")).isEqualTo("'it''s'");
        assertThatThrownBy(() -> AuditCsv.quoted("a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditCsv.literal(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditCsv.inline("actor = ? AND request_id = ?", java.util.Arrays.asList("a'b", id)))
                .isEqualTo("actor = 'a''b' AND request_id = '" + id + "'::uuid");
    }
}
