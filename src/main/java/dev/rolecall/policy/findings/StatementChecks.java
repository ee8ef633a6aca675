package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.policy.catalog.ActionMatch;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.catalog.ResourceCheck;
import dev.rolecall.policy.model.ActionPattern;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.ResourceElement;
import dev.rolecall.policy.model.ResourcePattern;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;

/** Checks each statement as written: risky shapes, unknown names, conditions, Version. */
final class StatementChecks {

    private final IamCatalog catalog;
    private final ConditionChecks conditions;
    private final Findings findings;

    StatementChecks(IamCatalog catalog, Findings findings) {
        this.catalog = catalog;
        this.conditions = new ConditionChecks(catalog, findings);
        this.findings = findings;
    }

    /**
     * @param hygiene whether to report unknown names and Version (not for AWS managed policies, which
     *     nobody here can edit)
     */
    void check(PolicyDocument policy, boolean hygiene) {
        if (hygiene) {
            checkVersion(policy);
        }
        for (Statement statement : policy.statements()) {
            if (hygiene) {
                checkActionNames(policy, statement);
                checkResourceNames(policy, statement);
            }
            if (statement.coversNothing()) {
                coversNothing(policy, statement);
            } else if (policy.kind() == PolicyKind.IDENTITY && statement.effect() == Effect.ALLOW) {
                checkShape(policy, statement);
            }
            conditions.check(policy, statement, hygiene);
        }
    }

    /** NotResource or NotAction that leaves out {@code *}: the statement does nothing, which is all there is to say. */
    private void coversNothing(PolicyDocument policy, Statement statement) {
        ResourceElement resource = statement.resource();
        boolean byResource = resource != null && resource.negated();
        PolicyLocation at = resource != null && byResource
                ? policy.locate(statement, resource.name(), resource.at())
                : policy.locate(
                        statement, statement.action().name(), statement.action().at());
        findings.add(
                FindingCode.STATEMENT_COVERS_NOTHING,
                at,
                "This statement " + (statement.effect() == Effect.ALLOW ? "grants" : "denies") + " nothing: "
                        + (byResource ? "NotResource" : "NotAction") + " leaves out every "
                        + (byResource ? "resource" : "action") + " (\"*\")");
    }

    private void checkVersion(PolicyDocument policy) {
        PolicyLocation at = PolicyLocation.document(policy.name(), 0, 0);
        if (policy.version() == null) {
            boolean variables = policy.statements().stream().anyMatch(StatementChecks::usesVariables);
            findings.add(
                    FindingCode.VERSION_MISSING,
                    variables ? FindingSeverity.MEDIUM : FindingSeverity.LOW,
                    at,
                    "The policy has no Version" + (variables ? "; its policy variables are taken literally" : ""));
        } else if (PolicyDocument.VERSION_2008.equals(policy.version())) {
            findings.add(FindingCode.VERSION_OLD, at, "The policy uses Version 2008-10-17");
        }
    }

    private void checkActionNames(PolicyDocument policy, Statement statement) {
        for (ActionPattern pattern : statement.action().patterns()) {
            ActionMatch match = catalog.match(pattern.text());
            PolicyLocation at = policy.locate(statement, statement.action().name(), pattern.at());
            switch (match.status()) {
                case UNKNOWN_SERVICE ->
                    findings.add(
                            FindingCode.UNKNOWN_SERVICE,
                            at,
                            "\"" + pattern.service()
                                    + "\" is not a service in the catalog of " + catalog.dataDate()
                                    + ": a typo, or newer than the catalog");
                case UNKNOWN_ACTION ->
                    findings.add(
                            FindingCode.UNKNOWN_ACTION,
                            at,
                            "\"" + pattern.text()
                                    + "\" matches no action of " + pattern.service() + " in the catalog of "
                                    + catalog.dataDate()
                                    + ": a typo, or newer than the catalog");
                case MATCHED, MALFORMED -> {}
            }
        }
    }

    private void checkResourceNames(PolicyDocument policy, Statement statement) {
        ResourceElement resource = statement.resource();
        if (resource == null) {
            return;
        }
        for (ResourcePattern pattern : resource.patterns()) {
            ResourceCheck check = catalog.checkResource(pattern.text());
            if (check != ResourceCheck.KNOWN) {
                PolicyLocation at = policy.locate(statement, resource.name(), pattern.at());
                findings.add(
                        FindingCode.UNKNOWN_RESOURCE,
                        at,
                        "\"" + pattern.text() + "\" "
                                + (check == ResourceCheck.UNKNOWN_SERVICE
                                        ? "names a service no resource type of the catalog has"
                                        : "fits no resource type's ARN format in the catalog"));
            }
        }
    }

    /** Reports actions like {@code s3:*} that grant every action of one service. */
    private void checkServiceWildcards(PolicyDocument policy, Statement statement) {
        List<String> services = new ArrayList<>();
        for (ActionPattern pattern : statement.action().patterns()) {
            if (!pattern.isAll() && pattern.name().equals("*")) {
                services.add(pattern.text());
            }
        }
        if (!services.isEmpty()) {
            findings.add(
                    FindingCode.SERVICE_WILDCARD_ACTION,
                    policy.locate(statement, "Action", statement.action().at()),
                    "All actions of a service: " + String.join(", ", services));
        }
    }

    private void checkShape(PolicyDocument policy, Statement statement) {
        ResourceElement resource = statement.resource();
        boolean allResources = resource != null && (resource.isAll() || resource.negated());
        if (statement.action().negated()) {
            findings.add(
                    FindingCode.ALLOW_NOT_ACTION,
                    allResources ? FindingSeverity.HIGH : FindingSeverity.MEDIUM,
                    policy.locate(statement, "NotAction", statement.action().at()),
                    "Allow with NotAction "
                            + texts(statement.action().patterns().stream()
                                    .map(ActionPattern::text)
                                    .toList()) + (allResources ? " on every resource" : ""));
        } else {
            checkServiceWildcards(policy, statement);
        }
        if (resource != null && resource.negated()) {
            findings.add(
                    FindingCode.ALLOW_NOT_RESOURCE,
                    policy.locate(statement, "NotResource", resource.at()),
                    "Allow with NotResource "
                            + texts(resource.patterns().stream()
                                    .map(ResourcePattern::text)
                                    .toList()));
        }
    }

    private static String texts(List<String> texts) {
        return texts.size() == 1 ? texts.get(0) : texts.toString();
    }

    private static boolean usesVariables(Statement statement) {
        ResourceElement resource = statement.resource();
        return (resource != null && resource.patterns().stream().anyMatch(ResourcePattern::hasVariable))
                || statement.conditions().stream()
                        .anyMatch(c -> c.values().stream().anyMatch(v -> v.contains("${")));
    }
}
