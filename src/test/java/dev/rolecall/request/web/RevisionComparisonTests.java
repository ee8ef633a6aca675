package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RevisionView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.web.LineDiff.Kind;
import dev.rolecall.request.web.RevisionComparison.DocumentKind;
import dev.rolecall.request.web.RevisionComparison.TagChange;
import dev.rolecall.request.web.RevisionComparison.ValueChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RevisionComparisonTests {

    static final Instant FIRST = Instant.parse("2026-11-28T10:00:00Z");
    static final Instant SECOND = Instant.parse("2026-11-29T09:30:00Z");

    static JsonNode readOneLogGroup() {
        return RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Sid":"ReadLogs","Effect":"Allow",
                 "Action":["logs:GetLogEvents","logs:FilterLogEvents"],
                 "Resource":"arn:aws:logs:us-east-1:111122223333:log-group:/ci:*"}]}""");
    }

    static RoleSpec revised() {
        RoleSpec spec = RoleSpecs.valid();
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        inline.put("read-logs", readOneLogGroup());
        inline.put("write-reports", RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject",
                 "Resource":"arn:aws:s3:::reports/*"}]}"""));
        return new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                "Deploys payments-api and writes reports",
                spec.trustPolicy(),
                List.of("arn:aws:iam::aws:policy/AWSLambdaExecute"),
                inline,
                null,
                3600,
                Map.of("team", "platform", "cost-center", "42"),
                Instant.parse("2026-12-31T18:00:00Z"));
    }

    static RevisionView revision(int number, RoleSpec spec, String justification, Instant at) {
        return new RevisionView(number, spec, justification, "alice", at);
    }

    @Test
    void theSameRoleForTheSameReasonsHasNoChanges() {
        RevisionComparison same = RevisionComparison.between(
                revision(1, RoleSpecs.valid(), "CI deploys", FIRST),
                revision(2, RoleSpecs.valid(), "CI deploys", SECOND));
        assertThat(same.isEmpty()).isTrue();
        assertThat(same.documents()).isEmpty();
    }

    @Test
    void everyChangedFieldIsListedWithItsValueBeforeAndAfter() {
        RevisionComparison changes = RevisionComparison.between(
                revision(1, RoleSpecs.valid(), "CI deploys", FIRST),
                revision(2, revised(), "CI deploys and reports", SECOND));
        assertThat(changes.isEmpty()).isFalse();
        assertThat(changes.values())
                .containsExactly(
                        new ValueChange(
                                "description", "Deploys payments-api", "Deploys payments-api and writes reports"),
                        new ValueChange("justification", "CI deploys", "CI deploys and reports"),
                        new ValueChange("permissionsBoundaryArn", "arn:aws:iam::111122223333:policy/boundary", null),
                        new ValueChange("maxSessionDurationSeconds", "7200 s (2 h)", "3600 s (1 h)"),
                        new ValueChange("expiresAt", null, "2026-12-31T18:00:00Z"));
        assertThat(changes.managedPoliciesAdded()).containsExactly("arn:aws:iam::aws:policy/AWSLambdaExecute");
        assertThat(changes.managedPoliciesRemoved()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(changes.tags())
                .containsExactlyInAnyOrder(
                        new TagChange("team", "payments", "platform"), new TagChange("cost-center", null, "42"));
    }

    @Test
    void eachPolicyDocumentIsALineDiffOfItsPrettyPrintedJson() {
        RevisionComparison changes = RevisionComparison.between(
                revision(1, RoleSpecs.valid(), "CI deploys", FIRST), revision(2, revised(), "CI deploys", SECOND));
        assertThat(changes.documents())
                .extracting(RevisionComparison.DocumentChange::inlinePolicy, RevisionComparison.DocumentChange::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("read-logs", DocumentKind.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("write-reports", DocumentKind.ADDED));
        List<LineDiff.Line> readLogs = changes.documents().get(0).lines();
        assertThat(readLogs)
                .filteredOn(line -> line.kind() == Kind.REMOVED)
                .singleElement()
                .satisfies(line -> assertThat(line.text()).contains("\"Resource\" : \"*\""));
        assertThat(readLogs)
                .filteredOn(line -> line.kind() == Kind.ADDED)
                .singleElement()
                .satisfies(line -> assertThat(line.text()).contains("log-group:/ci:*"));
        assertThat(changes.documents().get(1).lines())
                .extracting(LineDiff.Line::kind)
                .containsOnly(Kind.ADDED);
    }

    @Test
    void aRemovedInlinePolicyAndAChangedTrustPolicyAreListed() {
        RoleSpec spec = RoleSpecs.valid();
        RoleSpec withoutInline = new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                spec.description(),
                RoleSpecs.json("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                         "Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                spec.managedPolicyArns(),
                Map.of(),
                spec.permissionsBoundaryArn(),
                spec.maxSessionDurationSeconds(),
                spec.tags(),
                spec.expiresAt());
        RevisionComparison changes = RevisionComparison.between(
                revision(1, spec, "CI deploys", FIRST), revision(2, withoutInline, "CI deploys", SECOND));
        assertThat(changes.values()).isEmpty();
        assertThat(changes.documents())
                .extracting(RevisionComparison.DocumentChange::inlinePolicy, RevisionComparison.DocumentChange::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, DocumentKind.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("read-logs", DocumentKind.REMOVED));
        assertThat(changes.documents().get(0).lines())
                .filteredOn(line -> line.kind() == Kind.ADDED)
                .extracting(LineDiff.Line::text)
                .singleElement()
                .asString()
                .contains("ecs-tasks.amazonaws.com");
    }
}
