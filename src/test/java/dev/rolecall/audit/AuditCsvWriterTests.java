package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCsvWriterTests {

    private static final UUID REQUEST = UUID.fromString("3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f");

    @Test
    void startsWithTheExactHeaderAndEndsLinesWithCrlf() throws IOException {
        String csv = write(event("alice", "request.submitted", "ci-deployer", "{\"revision\":1}"));

        assertThat(csv)
                .startsWith(
                        "event_id,occurred_at,actor,action,request_id,account_id,role_name,details,prev_hash,hash\r\n");
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.split("\r\n")).hasSize(2);
    }

    @Test
    void writesOnlyTheHeaderWhenThereAreNoEvents() throws IOException {
        assertThat(write())
                .isEqualTo(
                        "event_id,occurred_at,actor,action,request_id,account_id,role_name,details,prev_hash,hash\r\n");
    }

    @Test
    void writesTimesAsIso8601UtcToTheMillisecond() throws IOException {
        AuditEvent event = new AuditEvent(
                7,
                Instant.parse("2026-11-28T10:15:30.123456Z"),
                "bob",
                "request.approved",
                REQUEST,
                "111122223333",
                "ci-deployer",
                "{}");

        List<String> row = rows(write(event)).get(0);

        assertThat(row)
                .containsExactly(
                        "7",
                        "2026-11-28T10:15:30.123Z",
                        "bob",
                        "request.approved",
                        REQUEST.toString(),
                        "111122223333",
                        "ci-deployer",
                        "{}",
                        "",
                        "");
    }

    @Test
    void writesWholeSecondsAndMidnightWithMillisecondsToo() throws IOException {
        AuditEvent event = new AuditEvent(
                1, Instant.parse("2026-01-02T00:00:00Z"), "rolecall", "apply.planned", null, null, null, "{}");

        String csv = write(event);

        assertThat(csv).contains("\r\n1,2026-01-02T00:00:00.000Z,rolecall,apply.planned,,,,{},,\r\n");
    }

    @Test
    void quotesCommasAndDoublesQuotesInsideCells() throws IOException {
        String details = "{\"comment\":\"looks fine, ship \\\"it\\\"\"}";

        String csv = write(event("bob", "request.decision", "a,b", details));

        assertThat(csv).contains(",\"a,b\",");
        assertThat(csv).contains("\"{\"\"comment\"\":\"\"looks fine, ship \\\"\"it\\\"\"\"\"}\"");
        assertThat(rows(csv).get(0).get(6)).isEqualTo("a,b");
        assertThat(rows(csv).get(0).get(7)).isEqualTo(details);
    }

    @Test
    void keepsLineBreaksInsideOneQuotedCell() throws IOException {
        String csv = write(event("bob", "request.decision", "role", "line one\nline two\r\nline three"));

        assertThat(csv).contains("\"line one\nline two\r\nline three\"");
        List<List<String>> rows = rows(csv);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(7)).isEqualTo("line one\nline two\r\nline three");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\r=1+1"})
    void neutralisesEveryFormulaPrefixWithASingleQuote(String dangerous) throws IOException {
        String csv = write(event(dangerous, dangerous, dangerous, dangerous));

        List<String> row = rows(csv).get(0);
        assertThat(row.subList(2, 4)).containsOnly("'" + dangerous);
        assertThat(row.subList(6, 8)).containsOnly("'" + dangerous);
    }

    @Test
    void leavesHarmlessCellsAndInnerFormulaCharactersAlone() throws IOException {
        String csv = write(event("carol", "audit.exported", "a=b+c-d@e", "{\"x\":\"=1\"}"));

        List<String> row = rows(csv).get(0);
        assertThat(row.get(6)).isEqualTo("a=b+c-d@e");
        assertThat(row.get(7)).isEqualTo("{\"x\":\"=1\"}");
    }

    @Test
    void neutraliseIsANoOpOnEmptyAndSafeText() {
        assertThat(AuditCsvWriter.neutralise("")).isEmpty();
        assertThat(AuditCsvWriter.neutralise("alice")).isEqualTo("alice");
        assertThat(AuditCsvWriter.neutralise("'=already")).isEqualTo("'=already");
        assertThat(AuditCsvWriter.neutralise("=1")).isEqualTo("'=1");
    }

    @Test
    void writesNonAsciiAsIs() throws IOException {
        String csv = write(event("zoë", "request.decision", "rôle", "{\"comment\":\"ok ✓\"}"));

        assertThat(rows(csv).get(0)).contains("zoë", "{\"comment\":\"ok ✓\"}");
    }

    private static AuditEvent event(String actor, String action, @Nullable String roleName, String details) {
        return new AuditEvent(
                42,
                Instant.parse("2026-11-28T10:15:30.123Z"),
                actor,
                action,
                REQUEST,
                "111122223333",
                roleName,
                details);
    }

    private static String write(AuditEvent... events) throws IOException {
        StringBuilder out = new StringBuilder();
        AuditCsvWriter writer = new AuditCsvWriter(out);
        for (AuditEvent event : events) {
            writer.write(event);
        }
        writer.flush();
        return out.toString();
    }

    /** Parses the file back as RFC 4180, with its header, into rows of cells. */
    private static List<List<String>> rows(String csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var parser = format.parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactly(AuditCsvWriter.HEADER);
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }
}
