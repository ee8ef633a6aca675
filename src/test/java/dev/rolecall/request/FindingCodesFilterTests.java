package dev.rolecall.request;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.request.inbox.InboxFilter;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.inbox.InboxSort;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox's finding filter matches any finding of the current revision, not only the one that sets
 * the risk level; a new revision replaces the codes with its own.
 */
@RolecallIntegrationTest
class FindingCodesFilterTests {

    @Autowired
    RoleRequestService requests;

    @Autowired
    InboxService inbox;

    @Autowired
    DataSource dataSource;

    /** Passes any role (the top finding) and reads every bucket's objects (a finding of its own). */
    private static RoleSpec twoFindings(String roleName) {
        return new RoleSpec(
                RoleSpecs.ACCOUNT,
                roleName,
                "/",
                null,
                RoleSpecs.lambdaTrust(),
                List.of(),
                Map.of("pass", RoleSpecs.json("""
                                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}"""), "read", RoleSpecs.json("""
                                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")),
                null,
                3600,
                Map.of(),
                null);
    }

    private List<RoleRequestId> listedFor(String finding, String roleName) {
        InboxFilter filter = new InboxFilter(RoleSpecs.ACCOUNT, null, null, null, null, finding, roleName);
        return inbox
                .page(BOB, RoleRequestService.InboxTab.ALL_OPEN, filter, InboxSort.OLDEST, null, null, 50)
                .items()
                .stream()
                .map(RoleRequestSummary::id)
                .toList();
    }

    private List<String> storedCodes(RoleRequestId id) {
        return JdbcClient.create(dataSource)
                .sql("SELECT finding_codes FROM role_request WHERE id = ?")
                .param(id.value())
                .query((rs, row) -> codes(rs.getArray(1)))
                .single();
    }

    private static List<String> codes(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<String> codesOf(PolicyAnalysis analysis) {
        return analysis.findings().stream()
                .map(PolicyFinding::code)
                .distinct()
                .sorted()
                .toList();
    }

    @Test
    void aRequestIsListedByAFindingThatIsNotItsTopOneAndARevisionReplacesItsCodes() {
        String roleName = "svc-codes-" + UUID.randomUUID().toString().substring(0, 8);
        RoleRequestView filed =
                requests.submit(new SubmitRoleRequest(twoFindings(roleName), "passes roles", Map.of()), ALICE);
        List<String> codes = codesOf(requests.analysis(requests.get(filed.id(), BOB)));
        String top = filed.topFindingCode();
        String second =
                codes.stream().filter(code -> !code.equals(top)).findFirst().orElseThrow();

        assertThat(storedCodes(filed.id())).isEqualTo(codes).contains("iam-passrole-star");
        assertThat(listedFor(second, roleName))
                .as("a finding besides the top one")
                .containsExactly(filed.id());
        assertThat(listedFor(top, roleName)).as("the top finding").containsExactly(filed.id());
        assertThat(listedFor("trust-any-principal", roleName))
                .as("a finding it does not have")
                .isEmpty();

        RoleRequestView revised = requests.revise(
                filed.id(), null, new SubmitRoleRequest(RoleSpecs.valid(roleName), "reads logs", Map.of()), ALICE);
        List<String> revisedCodes = codesOf(requests.analysis(requests.get(revised.id(), BOB)));

        String added = revisedCodes.stream()
                .filter(code -> !codes.contains(code))
                .findFirst()
                .orElseThrow();

        assertThat(revisedCodes).doesNotContain("iam-passrole-star");
        assertThat(storedCodes(filed.id())).isEqualTo(revisedCodes);
        assertThat(listedFor("iam-passrole-star", roleName))
                .as("the earlier revision's findings no longer match")
                .isEmpty();
        assertThat(listedFor(added, roleName)).as("the new revision's do").containsExactly(filed.id());
    }

    /**
     * The migration's backfill, run again on one request whose codes are cleared, reads them back from
     * its revision's stored analysis; a request without one keeps its top finding.
     */
    @Test
    void theBackfillReadsTheCodesFromTheStoredAnalysis() throws IOException {
        String roleName = "svc-backfill-" + UUID.randomUUID().toString().substring(0, 8);
        RoleRequestView filed =
                requests.submit(new SubmitRoleRequest(twoFindings(roleName), "passes roles", Map.of()), ALICE);
        List<String> codes = storedCodes(filed.id());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("UPDATE role_request SET finding_codes = '{}' WHERE id = ?")
                .param(filed.id().value())
                .update();

        jdbc.sql(backfill() + " WHERE r.id = ?").param(filed.id().value()).update();
        assertThat(storedCodes(filed.id())).isEqualTo(codes).hasSizeGreaterThan(1);

        jdbc.sql("DELETE FROM role_request_analysis WHERE request_id = ?")
                .param(filed.id().value())
                .update();
        jdbc.sql(backfill() + " WHERE r.id = ?").param(filed.id().value()).update();
        assertThat(storedCodes(filed.id())).containsExactly(filed.topFindingCode());
    }

    private static String backfill() throws IOException {
        String migration = Files.readString(Path.of("db/migration/V91__request_add_finding_codes.sql"));
        int start = migration.indexOf("UPDATE role_request r");
        return migration.substring(start, migration.indexOf(";\n", start));
    }
}
