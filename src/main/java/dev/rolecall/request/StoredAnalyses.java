package dev.rolecall.request;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyCatalogInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy analysis of each submitted revision, stored when the revision is filed
 * ({@code role_request_analysis}) so that showing a request does not analyse its policies again.
 * Each row names the reference data it was computed with ({@link #catalogVersion()}): a row from
 * other data, or missing (a revision filed before analyses were stored), is analysed again on
 * its next view and written back, once.
 */
@Component
class StoredAnalyses {

    private static final Logger log = LoggerFactory.getLogger(StoredAnalyses.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RoleAnalysis analysis;
    private final PolicyAnalysisService policies;
    private final AccountRegistry accounts;
    private final Clock clock;
    private volatile @Nullable String catalogVersion;

    StoredAnalyses(
            DataSource dataSource,
            RoleAnalysis analysis,
            PolicyAnalysisService policies,
            AccountRegistry accounts,
            Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.analysis = analysis;
        this.policies = policies;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The analysis of a revision: the stored one when it is from today's reference data, else a new one, stored. */
    PolicyAnalysis of(RoleRequestId id, int revision, RoleSpec spec) {
        String version = catalogVersion();
        Optional<PolicyAnalysis> stored = read(id.value(), revision, version);
        if (stored.isPresent()) {
            return stored.get();
        }
        PolicyAnalysis fresh = analysis.analyse(spec);
        store(id.value(), revision, version, fresh);
        return fresh;
    }

    /** Stores the analysis of a revision just filed, computed on its stored spec. */
    void filed(RoleRequestId id, int revision, PolicyAnalysis result) {
        store(id.value(), revision, catalogVersion(), result);
    }

    private Optional<PolicyAnalysis> read(UUID id, int revision, String version) {
        Optional<String> json =
                jdbc.sql("""
                        SELECT analysis FROM role_request_analysis
                        WHERE request_id = ? AND revision = ? AND catalog_version = ?""").params(id, revision, version).query(String.class).optional();
        try {
            return json.map(text -> JSON.readValue(text, PolicyAnalysis.class));
        } catch (JacksonException e) {
            log.info("Stored analysis of request {} revision {} is unreadable; analysing again", id, revision, e);
            return Optional.empty();
        }
    }

    private void store(UUID id, int revision, String version, PolicyAnalysis result) {
        jdbc.sql("""
                        INSERT INTO role_request_analysis (request_id, revision, catalog_version, analysis, analysed_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (request_id, revision) DO UPDATE
                        SET catalog_version = excluded.catalog_version, analysis = excluded.analysis,
                            analysed_at = excluded.analysed_at""")
                .params(id, revision, version, JSON.writeValueAsString(result), Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * What a stored analysis depends on besides the spec: the IAM action catalog, the AWS managed
     * policies, the target accounts' settings (known accounts, quotas, required boundary) and
     * Rolecall's own version (its findings). All are fixed while the console runs.
     */
    String catalogVersion() {
        String known = catalogVersion;
        if (known == null) {
            PolicyCatalogInfo info = policies.catalogInfo();
            int accountSettings = Objects.hash(accounts.all().stream()
                    .map(account -> account.id() + ":" + account.trustPolicySizeLimit() + ":"
                            + account.managedPoliciesPerRole() + ":" + account.requirePermissionsBoundary())
                    .sorted()
                    .toList());
            known = "catalog " + info.catalogVersion() + "; managed policies " + info.managedPoliciesVersion()
                    + "; accounts " + Integer.toHexString(accountSettings) + "; rolecall "
                    + Objects.requireNonNullElse(
                            StoredAnalyses.class.getPackage().getImplementationVersion(), "dev");
            catalogVersion = known;
        }
        return known;
    }
}
