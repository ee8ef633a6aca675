package dev.rolecall.audit.approvals;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.audit.AuditFilter;
import dev.rolecall.test.RolecallIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The approvals report reads decisions and filings from the audit trail on PostgreSQL: one row per
 * decision with its time to decide, and percentiles per stage computed by the database.
 */
@RolecallIntegrationTest
class ApprovalReportsTests {

    private static final Instant FILED = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    ApprovalReports reports;

    @Autowired
    ApprovalQueries queries;

    @Autowired
    DataSource dataSource;

    private final UUID request = UUID.randomUUID();

    /**
     * Revision 1 filed at 09:00, stage 1 opens, changes asked at 09:10; revision 2 filed at 10:00,
     * stage 1 opens, approved at 10:30, stage 2 opens and is approved (by someone whose name looks
     * like a formula) at 12:00; revision 3 filed at 13:00 with no stage opening recorded (as before
     * routing), approved at 13:50. A comment decides nothing and is left out.
     */
    @BeforeEach
    void trail() {
        event("alice", "request.submitted", at(0), "{\"revision\":1}");
        event("rolecall", "request.stage_opened", at(0), "{\"stage\":1}");
        event("bob", "request.decision", at(10), decision(1, "REQUEST_CHANGES"));
        event("alice", "request.submitted", at(60), "{\"revision\":2}");
        event("rolecall", "request.stage_opened", at(60), "{\"stage\":1}");
        event("bob", "request.decision", at(90), decision(2, "APPROVE"));
        event("rolecall", "request.stage_opened", at(90), "{\"stage\":2}");
        event("=erin", "request.decision", at(180), decision(2, "APPROVE"));
        event("alice", "request.submitted", at(240), "{\"revision\":3}");
        event("erin", "request.decision", at(260), decision(3, "COMMENT"));
        event("erin", "request.decision", at(290), decision(3, "APPROVE"));
    }

    @Test
    void eachDecisionIsARowWithItsRevisionsFilingAndTheTimeBetween() throws Exception {
        ReportOf report = export(new AuditFilter(null, null, null, request));

        assertThat(report.csv().split("\r\n"))
                .containsExactly(
                        "request_id,revision,stage,reviewer,decision,filed_at,decided_at,time_to_decide_seconds",
                        request + ",1,1,bob,REQUEST_CHANGES,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,600",
                        request + ",2,1,bob,APPROVE,2026-03-02T10:00:00Z,2026-03-02T10:30:00Z,1800",
                        request + ",2,2,'=erin,APPROVE,2026-03-02T10:00:00Z,2026-03-02T12:00:00Z,5400",
                        request + ",3,1,erin,APPROVE,2026-03-02T13:00:00Z,2026-03-02T13:50:00Z,3000");
        assertThat(report.filename()).matches("rolecall-approvals-all-\\d{8}T\\d{6}Z\\.csv");
    }

    @Test
    void theMedianAndNinetiethPercentileAreTakenPerStage() {
        StageTimes times = reports.timesPerStage(new AuditFilter(null, null, null, request), CAROL);
        assertThat(times.latestOnly()).isFalse();
        assertThat(times.stages())
                .containsExactly(
                        // Stage 1: 10, 30 and 50 minutes; p90 interpolates 30 + 0.8 × 20.
                        new StageDecisionTimes(1, 3, Duration.ofMinutes(30), Duration.ofMinutes(46)),
                        // Stage 2: from its opening at 10:30 to 12:00.
                        new StageDecisionTimes(2, 1, Duration.ofMinutes(90), Duration.ofMinutes(90)));
    }

    @Test
    void theTimesOfAFilterAreReusedForAWhileAndStillOnlyForAuditorsAndAdmins() {
        AuditFilter filter = new AuditFilter(null, null, null, request);
        StageTimes first = reports.timesPerStage(filter, CAROL);

        event("erin", "request.decision", at(300), decision(3, "APPROVE"));

        assertThat(reports.timesPerStage(filter, CAROL)).isSameAs(first);
        assertThat(queries.timesPerStage(filter, StageTimes.DECISIONS_LIMIT).stages())
                .extracting(StageDecisionTimes::decisions)
                .containsExactly(4L, 1L);
        assertThatThrownBy(() -> reports.timesPerStage(filter, ALICE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheLatestDecisionsAreTimedAndTheResultSaysSoWhenMoreMatch() {
        AuditFilter filter = new AuditFilter(null, null, null, request);

        StageTimes latestTwo = queries.timesPerStage(filter, 2);
        assertThat(latestTwo.latestOnly()).isTrue();
        assertThat(latestTwo.stages())
                .containsExactly(
                        // Revision 3's approval, 50 minutes after its filing (no stage opening recorded).
                        new StageDecisionTimes(1, 1, Duration.ofMinutes(50), Duration.ofMinutes(50)),
                        new StageDecisionTimes(2, 1, Duration.ofMinutes(90), Duration.ofMinutes(90)));

        StageTimes all = queries.timesPerStage(filter, 4);
        assertThat(all.latestOnly()).isFalse();
        assertThat(all.stages()).extracting(StageDecisionTimes::decisions).containsExactly(3L, 1L);
    }

    @Test
    void theFiltersRangeAndReviewerApplyToTheDecision() throws Exception {
        AuditFilter bobsBeforeNoon = new AuditFilter(null, at(180), "bob", request);

        assertThat(export(bobsBeforeNoon).csv().split("\r\n")).hasSize(3);
        assertThat(reports.timesPerStage(bobsBeforeNoon, CAROL).stages())
                .extracting(StageDecisionTimes::stage, StageDecisionTimes::decisions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2L));
    }

    @Test
    void onlyAuditorsAndAdminsReadTheReportAndEachExportIsRecorded() throws Exception {
        AuditFilter filter = new AuditFilter(null, null, null, request);
        assertThatThrownBy(() -> reports.startExport(filter, "ui", ALICE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.timesPerStage(filter, ALICE)).isInstanceOf(AccessDeniedException.class);

        String file = export(filter).filename();

        assertThat(JdbcClient.create(dataSource)
                        .sql(
                                "SELECT count(*) FROM audit_event WHERE action = 'audit.exported' AND actor = 'carol'"
                                        + " AND details::jsonb ->> 'format' = 'approvals-csv' AND details::jsonb ->> 'file' = ?")
                        .param(file)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private record ReportOf(String filename, String csv) {}

    private ReportOf export(AuditFilter filter) throws Exception {
        ApprovalReports.Export export = reports.startExport(filter, "ui", CAROL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        return new ReportOf(export.filename(), out.toString(StandardCharsets.UTF_8));
    }

    private static Instant at(int minutesAfterNine) {
        return FILED.plus(Duration.ofMinutes(minutesAfterNine));
    }

    private static String decision(int revision, String decision) {
        return "{\"revision\":" + revision + ",\"decision\":\"" + decision + "\"}";
    }

    private void event(String actor, String action, Instant at, String details) {
        JdbcClient.create(dataSource)
                .sql("INSERT INTO audit_event (occurred_at, actor, action, request_id, account_id, role_name, details)"
                        + " VALUES (?, ?, ?, ?, '111122223333', 'report-reader', ?)")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, request, details)
                .update();
    }
}
