package dev.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftDiffTests {

    private static final RoleSpec APPROVED =
            InventorySpecs.spec("444455556666", "reader", Instant.parse("2026-12-24T00:00:00Z"));

    @Test
    void theSameRoleAsAwsAnswersItHasNoDriftWhateverKeyOrderDescriptionOrExpiry() {
        RoleSpec live = copy(APPROVED, "Reads payment reports", InventorySpecs.json("""
                {"Statement":[{"Condition":{"StringEquals":{"aws:SourceAccount":"444455556666"}},"Action":"sts:AssumeRole",\
                "Principal":{"Service":"lambda.amazonaws.com"},"Effect":"Allow"}],"Version":"2012-10-17"}"""), APPROVED.tags());

        assertThat(DriftDiff.compare(APPROVED, live)).isEmpty();
        assertThat(DriftDiff.compare(
                        copy(APPROVED, null, APPROVED.trustPolicy(), Map.of("team", "payments")),
                        copy(APPROVED, "", APPROVED.trustPolicy(), Map.of("team", "payments"))))
                .isEmpty();
    }

    @Test
    void eachChangedFieldIsOneDiffWithBothValues() {
        RoleSpec live = new RoleSpec(
                APPROVED.accountId(),
                APPROVED.roleName(),
                "/",
                APPROVED.description(),
                APPROVED.trustPolicy(),
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"),
                Map.of(),
                null,
                7200,
                Map.of("team", "someone-else", "owner", "bob"),
                null);

        assertThat(DriftDiff.compare(APPROVED, live))
                .extracting(FieldDiff::field)
                .containsExactly(
                        "maxSessionDurationSeconds",
                        "permissionsBoundaryArn",
                        "managedPolicyArns.arn:aws:iam::aws:policy/AdministratorAccess",
                        "managedPolicyArns.arn:aws:iam::aws:policy/ReadOnlyAccess",
                        "inlinePolicies.read-reports",
                        "tags.owner",
                        "tags.team");
        assertThat(DriftDiff.compare(APPROVED, live))
                .contains(
                        new FieldDiff("maxSessionDurationSeconds", "3600", "7200"),
                        new FieldDiff("tags.team", "payments", "someone-else"),
                        new FieldDiff("managedPolicyArns.arn:aws:iam::aws:policy/AdministratorAccess", "", "attached"));
    }

    private static RoleSpec copy(
            RoleSpec spec, String description, tools.jackson.databind.JsonNode trust, Map<String, String> tags) {
        return new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                description,
                trust,
                spec.managedPolicyArns(),
                spec.inlinePolicies(),
                spec.permissionsBoundaryArn(),
                spec.maxSessionDurationSeconds(),
                tags,
                null);
    }
}
