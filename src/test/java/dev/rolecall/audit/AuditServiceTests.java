package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.CAROL;
import static dev.rolecall.test.TestUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.identity.Role;
import dev.rolecall.test.RolecallIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RolecallIntegrationTest
class AuditServiceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    private String actor;
    private UUID request;

    @BeforeEach
    void recordSome() {
        actor = "service-test-" + UUID.randomUUID();
        request = UUID.randomUUID();
        for (int day = 1; day <= 5; day++) {
            audit.record(new AuditEntry(
                    Instant.parse("2026-11-0" + day + "T12:00:00Z"),
                    actor,
                    "test.day" + day,
                    day % 2 == 0 ? request : null,
                    "111122223333",
                    "role-" + day,
                    Map.of("day", day)));
        }
    }

    @Test
    void findsNewestFirstWithinATimeRangeFromInclusiveToExclusive() {
        AuditFilter filter = new AuditFilter(
                Instant.parse("2026-11-02T12:00:00Z"), Instant.parse("2026-11-04T12:00:00Z"), actor, null);

        AuditService.EventPage page = audit.find(filter, null, null, 10, CAROL);

        assertThat(page.count()).isEqualTo(2);
        assertThat(page.events()).extracting(AuditEvent::action).containsExactly("test.day3", "test.day2");
    }

    @Test
    void findsByRequestAndActor() {
        AuditService.EventPage page = audit.find(new AuditFilter(null, null, actor, request), null, null, 10, DAVE);

        assertThat(page.events()).extracting(AuditEvent::action).containsExactly("test.day4", "test.day2");
        assertThat(page.events())
                .allSatisfy(event -> assertThat(event.requestId()).isEqualTo(request));
    }

    @Test
    void pagesByPositionOlderAndBackNewer() {
        AuditFilter filter = new AuditFilter(null, null, actor, null);

        AuditService.EventPage first = audit.find(filter, null, null, 2, CAROL);
        AuditService.EventPage second = audit.find(filter, first.older(), null, 2, CAROL);
        AuditService.EventPage last = audit.find(filter, second.older(), null, 2, CAROL);
        AuditService.EventPage back = audit.find(filter, null, second.newer(), 2, CAROL);

        assertThat(first.count()).isEqualTo(5);
        assertThat(first.newer()).isNull();
        assertThat(second.events()).extracting(AuditEvent::action).containsExactly("test.day3", "test.day2");
        assertThat(second.newer()).isNotNull();
        assertThat(last.events()).hasSize(1);
        assertThat(last.older()).isNull();
        assertThat(back.events()).isEqualTo(first.events());
        assertThat(back.newer()).isNull();
        assertThat(back.older()).isEqualTo(first.older());
    }

    @Test
    void writesDetailsAsOneJsonObjectWithSortedKeysAndIsoTimes() {
        long id = audit.record(new AuditEntry(
                Instant.parse("2026-11-28T10:15:30Z"),
                actor,
                "test.details",
                null,
                null,
                null,
                Map.of(
                        "zeta",
                        1,
                        "alpha",
                        List.of("a", "b"),
                        "when",
                        Instant.parse("2026-11-28T10:15:30Z"),
                        "role",
                        Role.AUDITOR)));

        String details = jdbc.queryForObject("select details from audit_event where event_id = ?", String.class, id);

        assertThat(details).startsWith("{\"alpha\":[\"a\",\"b\"],\"role\":\"AUDITOR\",");
        JsonNode parsed = JSON.readTree(details);
        assertThat(parsed.get("when").asString()).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(parsed.get("zeta").asInt()).isEqualTo(1);
    }

    @Test
    void recordsEventsThatConcernNoRequestAtTheCurrentTime() {
        Instant before = Instant.now().minusSeconds(1);

        long id = audit.record(actor, "config.changed", Map.of("setting", "accounts"));

        AuditEvent event = audit.find(new AuditFilter(before, null, actor, null), null, null, 10, CAROL)
                .events()
                .get(0);
        assertThat(event.eventId()).isEqualTo(id);
        assertThat(event.action()).isEqualTo("config.changed");
        assertThat(event.requestId()).isNull();
        assertThat(event.details()).isEqualTo("{\"setting\":\"accounts\"}");
    }

    @Test
    void onlyAuditorsAndAdminsReadOrExport() {
        AuditFilter filter = AuditFilter.all();

        assertThatThrownBy(() -> audit.find(filter, null, null, 10, ALICE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.find(filter, null, null, 10, BOB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.startExport(filter, "test", BOB)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'audit.exported' and actor = 'bob'",
                        Integer.class))
                .isZero();
    }

    @Test
    void exportsTheFilteredEventsOldestFirstAsCsv() throws IOException {
        AuditService.Export export = audit.startExport(new AuditFilter(null, null, actor, null), "test", CAROL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = export.writeTo(out);

        assertThat(written).isEqualTo(5);
        List<CSVRecord> rows = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(rows)
                .extracting(row -> row.get("action"))
                .containsExactly("test.day1", "test.day2", "test.day3", "test.day4", "test.day5");
        assertThat(rows.get(1).get("occurred_at")).isEqualTo("2026-11-02T12:00:00.000Z");
        assertThat(rows.get(1).get("request_id")).isEqualTo(request.toString());
        assertThat(rows.get(0).get("request_id")).isEmpty();
        assertThat(rows.get(1).get("details")).isEqualTo("{\"day\":2}");
    }

    @Test
    void everyExportIsAuditedWithItsActorAndFilter() {
        AuditFilter filter = new AuditFilter(Instant.parse("2026-11-01T00:00:00Z"), null, actor, request);

        AuditService.Export export = audit.startExport(filter, "api", DAVE);

        AuditEvent exported = audit.find(new AuditFilter(null, null, "dave", null), null, null, 1, DAVE)
                .events()
                .get(0);
        assertThat(exported.action()).isEqualTo(AuditService.EXPORTED);
        JsonNode details = JSON.readTree(exported.details());
        assertThat(details.get("channel").asString()).isEqualTo("api");
        assertThat(details.get("format").asString()).isEqualTo("csv");
        assertThat(details.get("file").asString()).isEqualTo(export.filename());
        assertThat(details.get("filter").get("from").asString()).isEqualTo("2026-11-01T00:00:00.000Z");
        assertThat(details.get("filter").get("actor").asString()).isEqualTo(actor);
        assertThat(details.get("filter").get("requestId").asString()).isEqualTo(request.toString());
        assertThat(details.get("filter").has("to")).isFalse();
    }

    @Test
    void namesTheFileAfterTheRangeInUtc() {
        AuditService.Export bounded = audit.startExport(
                new AuditFilter(
                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-08T00:00:00Z"), actor, null),
                "test",
                CAROL);
        AuditService.Export open = audit.startExport(new AuditFilter(null, null, actor, null), "test", CAROL);

        assertThat(bounded.filename()).isEqualTo("rolecall-audit-20261101T000000Z-20261108T000000Z.csv");
        assertThat(open.filename()).matches("rolecall-audit-all-\\d{8}T\\d{6}Z\\.csv");
    }

    @Test
    void streams20000RowsInSmallChunksRatherThanBuildingTheFile() throws IOException {
        String bulkActor = "bulk-" + UUID.randomUUID();
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, account_id, role_name, details)
                select timestamptz '2026-11-01T00:00:00Z' + n * interval '1 second', ?, 'test.bulk', '111122223333',
                       'role-' || n, '{"n":' || n || ',"note":"a, \\"quoted\\" value"}'
                from generate_series(1, 20000) as n""", bulkActor);
        ChunkCountingStream out = new ChunkCountingStream();

        long written = audit.startExport(new AuditFilter(null, null, bulkActor, null), "test", CAROL)
                .writeTo(out);

        assertThat(written).isEqualTo(20_000);
        assertThat(out.lines).isEqualTo(20_001);
        assertThat(out.bytes).isGreaterThan(20_000L * 80);
        // The file reaches the output a few kilobytes at a time as rows are read, never in one piece.
        assertThat(out.largestWrite).isLessThanOrEqualTo(64 * 1024);
        assertThat(out.writes).isGreaterThan(100);
        assertThat(out.lastLine)
                .contains(",2026-11-01T05:33:20.000Z," + bulkActor
                        + ",test.bulk,,111122223333,role-20000,\"{\"\"n\"\":20000,");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames())
                    .containsExactlyElementsOf(
                            AuditCsv.COLUMNS.stream().map(AuditCsv.Column::name).toList());
            return parser.getRecords();
        }
    }

    /** Counts what arrives without keeping it: bytes, lines, writes and the largest single write. */
    private static final class ChunkCountingStream extends OutputStream {

        long bytes;
        long lines;
        int writes;
        int largestWrite;
        String lastLine = "";
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            writes++;
            largestWrite = Math.max(largestWrite, length);
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                char c = (char) buffer[i];
                if (c == '\n') {
                    lines++;
                    lastLine = line.toString();
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }
    }
}
