package dev.rolecall.audit.chain;

import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.audit.AuditFilter;
import dev.rolecall.audit.AuditService;
import dev.rolecall.test.RolecallIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Signed checkpoints of the chain's tail, and the CSV files an auditor keeps. */
@RolecallIntegrationTest
class AuditCheckpointTests {

    @Autowired
    AuditService audit;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditChainKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCheckpointSignsTheTailAndIsExportedBesideTheEvents() throws Exception {
        String actor = "checkpoint-" + UUID.randomUUID();
        audit.record(actor, "test.recorded", Map.of());
        long last = audit.record(actor, "test.recorded", Map.of());
        AuditCheckpoints everyEvent = new AuditCheckpoints(
                dataSource,
                keys,
                new AuditChainProperties(null, Map.of(), null, 1, Duration.ofHours(1), Duration.ofMinutes(1)),
                Clock.systemUTC());

        Checkpoint written = new TransactionTemplate(transactions).execute(status -> everyEvent.writeIfDue());

        assertThat(written).isNotNull();
        assertThat(written.lastEventId()).isGreaterThanOrEqualTo(last);
        byte[] tailHash = jdbc.queryForObject(
                "SELECT hash FROM audit_event WHERE event_id = ?", byte[].class, written.lastEventId());
        assertThat(written.lastHash()).isEqualTo(tailHash);
        assertThat(written.eventCount())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE event_id <= ?", Long.class, written.lastEventId()));
        assertThat(new AuditChain().sign(keys.current(), written)).isEqualTo(written.signature());
        Checkpoint again = new TransactionTemplate(transactions).execute(status -> everyEvent.writeIfDue());
        assertThat(again).as("nothing new, nothing due").isNull();
        assertThat(checkpoints.latest(null))
                .extracting(Checkpoint::checkpointId)
                .isEqualTo(written.checkpointId());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportCheckpoints(out, "test", CAROL);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        CSVRecord row = rows.get(rows.size() - 1);
        assertThat(row.get("last_event_id")).isEqualTo(Long.toString(written.lastEventId()));
        assertThat(row.get("last_hash")).isEqualTo(HexFormat.of().formatHex(tailHash));
        assertThat(row.get("signature")).isEqualTo(HexFormat.of().formatHex(written.signature()));
    }

    @Test
    void theEventsCsvCarriesEachEventsHashAndTheOneBeforeIt() throws Exception {
        String actor = "csv-chain-" + UUID.randomUUID();
        long first = audit.record(actor, "test.recorded", Map.of());
        long second = audit.record(actor, "test.recorded", Map.of());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.startExport(new AuditFilter(null, null, actor, null), "test", CAROL)
                .writeTo(out);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("event_id")).isEqualTo(Long.toString(first));
        assertThat(rows.get(1).get("event_id")).isEqualTo(Long.toString(second));
        assertThat(rows.get(1).get("prev_hash"))
                .isEqualTo(rows.get(0).get("hash"))
                .hasSize(64);
    }
}
