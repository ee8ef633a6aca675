package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.ConditionFacts.describe;
import static dev.rolecall.policy.findings.ConditionFacts.lower;
import static dev.rolecall.policy.findings.ConditionFacts.narrowing;
import static dev.rolecall.policy.findings.ConditionFacts.narrows;

import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.policy.model.ActionPattern;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.PrincipalElement;
import dev.rolecall.policy.model.PrincipalType;
import dev.rolecall.policy.model.PrincipalValue;
import dev.rolecall.policy.model.Statement;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks who may assume the role. */
final class TrustChecks {

    /** Keys that pin down the calling principal, organisation or source. */
    private static final Set<String> NARROWING_KEYS = Set.of(
            "aws:principalorgid",
            "aws:principalorgpaths",
            "aws:principalaccount",
            "aws:principalarn",
            "aws:sourceaccount",
            "aws:sourcearn",
            "aws:sourceorgid",
            "aws:sourceorgpaths",
            "aws:userid",
            "aws:principalservicename");

    private static final Set<String> SOURCE_KEYS =
            Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths");

    private final PolicyDocument trust;
    private final @Nullable String accountId;
    private final Set<String> knownAccounts;
    private final Findings findings;

    TrustChecks(PolicyDocument trust, @Nullable String accountId, Set<String> knownAccounts, Findings findings) {
        this.trust = trust;
        this.accountId = accountId;
        this.knownAccounts = knownAccounts;
        this.findings = findings;
    }

    void run() {
        for (Statement statement : trust.statements()) {
            PrincipalElement principal = statement.principal();
            if (statement.effect() != Effect.ALLOW || principal == null) {
                continue;
            }
            PolicyLocation at = trust.locate(statement, principal.name(), principal.at());
            checkActions(statement, principal);
            if (principal.namesEveryone()) {
                checkEveryone(statement, at);
            }
            for (PrincipalValue value : principal.values()) {
                PolicyLocation valueAt = trust.locate(
                        statement, principal.name() + "." + value.type().json(), value.at());
                switch (value.type()) {
                    case AWS -> checkAwsPrincipal(statement, value.value(), valueAt);
                    case FEDERATED -> checkFederated(statement, value.value(), valueAt);
                    case SERVICE -> checkService(statement, value.value(), valueAt);
                    case CANONICAL_USER -> {}
                }
            }
        }
    }

    private void checkEveryone(Statement statement, PolicyLocation at) {
        List<Condition> conditions = statement.conditions();
        if (narrows(conditions, NARROWING_KEYS)) {
            findings.add(
                    FindingCode.TRUST_ANY_PRINCIPAL_CONDITIONED,
                    at,
                    "Any principal may assume the role if these conditions hold: " + describe(conditions));
        } else if (!conditions.isEmpty()) {
            findings.add(
                    FindingCode.TRUST_ANY_PRINCIPAL_CONDITIONED,
                    FindingSeverity.HIGH,
                    at,
                    "Any principal may assume the role; no condition names the caller's account, organisation or "
                            + "ARN: " + describe(conditions));
        } else {
            findings.add(
                    FindingCode.TRUST_ANY_PRINCIPAL,
                    at,
                    "Principal \"*\" without conditions: anyone can " + "assume the role");
        }
    }

    private void checkAwsPrincipal(Statement statement, String principal, PolicyLocation at) {
        String account = Principals.accountOf(principal);
        if (account == null) {
            return;
        }
        boolean ownAccount = account.equals(accountId);
        if (!ownAccount && !knownAccounts.isEmpty() && !knownAccounts.contains(account)) {
            findings.add(
                    FindingCode.TRUST_UNKNOWN_ACCOUNT,
                    at,
                    "Account " + account + " (" + principal + ") is not in the account registry");
        }
        if (accountId != null && !ownAccount && !narrows(statement.conditions(), Set.of("sts:externalid"))) {
            findings.add(
                    FindingCode.TRUST_CROSS_ACCOUNT_NO_EXTERNAL_ID,
                    at,
                    "Account " + account + " may assume the role without an sts:ExternalId condition");
        }
        if (Principals.isAccountRoot(principal) && !narrows(statement.conditions(), Set.of("aws:principalarn"))) {
            findings.add(
                    FindingCode.TRUST_ACCOUNT_ROOT,
                    at,
                    "Every principal of account " + account + " that its administrators allow may assume the role");
        }
    }

    private void checkFederated(Statement statement, String federated, PolicyLocation at) {
        String provider = Principals.oidcProvider(federated);
        if (provider == null) {
            return;
        }
        List<Condition> conditions = statement.conditions();
        if (conditions.isEmpty()) {
            findings.add(
                    FindingCode.TRUST_OIDC_NO_CONDITIONS,
                    at,
                    "Every identity of " + provider + " may assume the role: the statement has no conditions");
            return;
        }
        String prefix = lower(provider) + ":";
        List<Condition> sub = narrowing(conditions, key -> key.equals(prefix + "sub"));
        if (Principals.isGitHubActions(provider)) {
            checkGitHub(conditions, sub, prefix, at);
        } else if (Principals.isEks(provider)) {
            checkEks(sub, provider, at);
        }
        if (!narrows(conditions, Set.of(prefix + "aud"))) {
            findings.add(
                    FindingCode.TRUST_OIDC_NO_AUD,
                    at,
                    "No condition on " + provider + ":aud: tokens issued for any audience are accepted");
        }
    }

    private void checkGitHub(List<Condition> conditions, List<Condition> sub, String prefix, PolicyLocation at) {
        if (sub.isEmpty() && !narrows(conditions, Set.of(prefix + "repository", prefix + "repository_id"))) {
            findings.add(
                    FindingCode.TRUST_GITHUB_NO_SUB,
                    at,
                    "No condition on token.actions.githubusercontent.com:sub: any repository's workflows may "
                            + "assume the role");
            return;
        }
        for (Condition condition : sub) {
            for (String value : condition.values()) {
                if (gitHubOwnerOrRepoHasWildcard(value)) {
                    findings.add(
                            FindingCode.TRUST_GITHUB_WILDCARD_SUB,
                            locate(condition, at),
                            "sub \"" + value + "\" has a wildcard in the organisation or repository");
                }
            }
        }
    }

    private void checkEks(List<Condition> sub, String provider, PolicyLocation at) {
        if (sub.isEmpty()) {
            findings.add(
                    FindingCode.TRUST_EKS_SUB_MISSING,
                    at,
                    "No condition on " + provider + ":sub: every service account of the cluster may assume the role");
            return;
        }
        for (Condition condition : sub) {
            for (String value : condition.values()) {
                String[] parts = value.split(":", 4);
                boolean wellFormed =
                        parts.length == 4 && parts[0].equals("system") && parts[1].equals("serviceaccount");
                if (!wellFormed || hasWildcard(parts[2])) {
                    findings.add(
                            FindingCode.TRUST_EKS_SUB_WILDCARD,
                            locate(condition, at),
                            "sub \"" + value + "\" does not name one namespace");
                } else if (hasWildcard(parts[3])) {
                    findings.add(
                            FindingCode.TRUST_EKS_SUB_WILDCARD,
                            FindingSeverity.MEDIUM,
                            locate(condition, at),
                            "sub \"" + value + "\" lets every matching service account of namespace " + parts[2]
                                    + " assume the role");
                }
            }
        }
    }

    private void checkService(Statement statement, String service, PolicyLocation at) {
        if (service.equalsIgnoreCase("pods.eks.amazonaws.com")) {
            if (!narrows(
                    statement.conditions(),
                    key -> key.contains("kubernetes-namespace") || key.contains("kubernetes-service-account"))) {
                findings.add(
                        FindingCode.TRUST_POD_IDENTITY_UNSCOPED,
                        at,
                        "EKS Pod Identity without a condition on the namespace or service account");
            }
        } else if (!narrows(statement.conditions(), SOURCE_KEYS)) {
            findings.add(
                    FindingCode.TRUST_SERVICE_NO_SOURCE,
                    at,
                    service + " may assume the role for any account's resources (no aws:SourceAccount or "
                            + "aws:SourceArn condition)");
        }
    }

    private void checkActions(Statement statement, PrincipalElement principal) {
        PolicyLocation at = trust.locate(
                statement, statement.action().name(), statement.action().at());
        for (ActionPattern pattern : statement.action().patterns()) {
            if (!statement.action().negated()
                    && !pattern.isAll()
                    && !pattern.service().equals("sts")) {
                findings.add(
                        FindingCode.TRUST_ACTION_PRINCIPAL_MISMATCH,
                        FindingSeverity.LOW,
                        at,
                        "\"" + pattern.text() + "\" does not belong in a trust policy: only sts actions apply");
            }
        }
        boolean assumeRole = statement.action().covers("sts:AssumeRole");
        boolean webIdentity = statement.action().covers("sts:AssumeRoleWithWebIdentity");
        boolean saml = statement.action().covers("sts:AssumeRoleWithSAML");
        if (principal.namesEveryone()
                || !principal.valuesOf(PrincipalType.AWS).isEmpty()
                || !principal.valuesOf(PrincipalType.SERVICE).isEmpty()) {
            requireAction(assumeRole, "AWS principals and services", "sts:AssumeRole", at);
        }
        for (PrincipalValue federated : principal.valuesOf(PrincipalType.FEDERATED)) {
            if (Principals.isSaml(federated.value())) {
                requireAction(saml, federated.value(), "sts:AssumeRoleWithSAML", at);
            } else if (Principals.oidcProvider(federated.value()) != null) {
                requireAction(webIdentity, federated.value(), "sts:AssumeRoleWithWebIdentity", at);
            }
        }
    }

    private void requireAction(boolean allowed, String who, String action, PolicyLocation at) {
        if (!allowed) {
            findings.add(
                    FindingCode.TRUST_ACTION_PRINCIPAL_MISMATCH,
                    at,
                    who + " assume roles with " + action + ", which this statement does not allow");
        }
    }

    private PolicyLocation locate(Condition condition, PolicyLocation statementAt) {
        return new PolicyLocation(
                statementAt.policy(),
                statementAt.statementIndex(),
                statementAt.sid(),
                "Condition." + condition.operatorText() + "." + condition.key(),
                condition.at().line(),
                condition.at().column());
    }

    /** {@code repo:org/repo:…}: a wildcard before the second colon reaches other repositories. */
    static boolean gitHubOwnerOrRepoHasWildcard(String sub) {
        if (!sub.startsWith("repo:")) {
            int colon = sub.indexOf(':');
            return hasWildcard(colon < 0 ? sub : sub.substring(0, colon));
        }
        String rest = sub.substring("repo:".length());
        int colon = rest.indexOf(':');
        return hasWildcard(colon < 0 ? rest : rest.substring(0, colon));
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }
}
