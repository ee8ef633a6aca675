package dev.rolecall.request;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request page's analysis is the one stored when the revision was filed: a view reads it (a
 * marker written into the stored row shows up), and analyses again only when the row is missing or
 * from other reference data, writing the new analysis back once.
 */
@RolecallIntegrationTest
class StoredAnalysesTests {

    private static final String MARKER = "stored, not analysed again";

    @Autowired
    RoleRequestService requests;

    @Autowired
    StoredAnalyses stored;

    @Autowired
    DataSource dataSource;

    private RoleRequestView filed(String roleName) {
        return requests.submit(new SubmitRoleRequest(RoleSpecs.valid(roleName), "CI deploys", Map.of()), ALICE);
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private void mark(RoleRequestView request, int revision) {
        jdbc().sql("""
                        UPDATE role_request_analysis
                        SET analysis = jsonb_set(analysis::jsonb, '{riskReason}', to_jsonb(?::text))::text
                        WHERE request_id = ? AND revision = ?""").params(MARKER, request.id().value(), revision).update();
    }

    private String versionOf(RoleRequestView request, int revision) {
        return jdbc().sql("SELECT catalog_version FROM role_request_analysis WHERE request_id = ? AND revision = ?")
                .params(request.id().value(), revision)
                .query(String.class)
                .single();
    }

    private OffsetDateTime analysedAt(UUID id) {
        return jdbc().sql("SELECT analysed_at FROM role_request_analysis WHERE request_id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single();
    }

    @Test
    void filingStoresTheAnalysisAndAViewReadsItInsteadOfAnalysingAgain() {
        RoleRequestView request = filed("svc-stored-analysis");
        assertThat(versionOf(request, 1)).isEqualTo(stored.catalogVersion());
        mark(request, 1);

        assertThat(requests.analysis(requests.get(request.id(), BOB)).riskReason())
                .isEqualTo(MARKER);
        assertThat(requests.analysis(requests.get(request.id(), ALICE)).riskReason())
                .isEqualTo(MARKER);
    }

    @Test
    void aRevisionGetsItsOwnStoredAnalysisAndTheEarlierOneIsKept() {
        RoleRequestView request = filed("svc-stored-revised");
        RoleSpec passRole = new RoleSpec(
                RoleSpecs.ACCOUNT,
                "svc-stored-revised",
                "/",
                null,
                RoleSpecs.lambdaTrust(),
                List.of(),
                Map.of("pass", RoleSpecs.json("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""")),
                null,
                3600,
                Map.of(),
                null);
        RoleRequestView revised =
                requests.revise(request.id(), null, new SubmitRoleRequest(passRole, "passes roles", Map.of()), ALICE);
        mark(revised, 1);

        assertThat(requests.analysis(requests.get(request.id(), BOB)).findings())
                .extracting(PolicyFinding::code)
                .contains("iam-passrole-star");
        assertThat(jdbc().sql("SELECT count(*) FROM role_request_analysis WHERE request_id = ?")
                        .param(request.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anAnalysisFromAnotherCatalogVersionIsReplacedOnTheNextViewThenReadFromTheStore() {
        RoleRequestView request = filed("svc-stored-stale");
        jdbc().sql("UPDATE role_request_analysis SET catalog_version = 'catalog 0.0.1' WHERE request_id = ?")
                .param(request.id().value())
                .update();
        mark(request, 1);

        assertThat(requests.analysis(requests.get(request.id(), BOB)).riskReason())
                .isNotEqualTo(MARKER);
        assertThat(versionOf(request, 1)).isEqualTo(stored.catalogVersion());

        mark(request, 1);
        assertThat(requests.analysis(requests.get(request.id(), BOB)).riskReason())
                .isEqualTo(MARKER);
    }

    @Test
    void aRevisionFiledBeforeAnalysesWereStoredIsAnalysedOnItsFirstViewAndWrittenBackOnce() {
        RoleRequestView request = filed("svc-stored-backfill");
        jdbc().sql("DELETE FROM role_request_analysis WHERE request_id = ?")
                .param(request.id().value())
                .update();

        requests.analysis(requests.get(request.id(), BOB));
        OffsetDateTime first = analysedAt(request.id().value());
        assertThat(versionOf(request, 1)).isEqualTo(stored.catalogVersion());

        requests.analysis(requests.get(request.id(), BOB));
        assertThat(analysedAt(request.id().value())).isEqualTo(first);
    }
}
