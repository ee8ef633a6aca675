package dev.rolecall.policy.findings;

import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.PrincipalElement;
import dev.rolecall.policy.model.PrincipalType;
import dev.rolecall.policy.model.PrincipalValue;
import dev.rolecall.policy.model.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A role's risk level: the highest severity among its findings, one level higher when a compute
 * service or an outside principal may assume a role that has a CRITICAL or HIGH permission finding
 * (code that others can change, or people outside the account, then hold those permissions). A
 * raised level carries its reason, so that the badge never disagrees with the findings unexplained.
 */
final class RiskCalculator {

    /**
     * @param level the risk level
     * @param reason why the level is above the highest finding severity, e.g. {@code raised from HIGH: a
     *     compute service can assume this role}; null when it is not
     */
    record Risk(RiskLevel level, @Nullable String reason) {}

    private RiskCalculator() {}

    static Risk risk(List<PolicyFinding> findings, @Nullable PolicyDocument trust, @Nullable String accountId) {
        RiskLevel level = RiskLevel.LOW;
        boolean severePermission = false;
        for (PolicyFinding finding : findings) {
            RiskLevel own = RiskLevel.of(finding.severity());
            if (own.compareTo(level) > 0) {
                level = own;
            }
            boolean aboutPermissions =
                    trust == null || !finding.location().policy().equals(trust.name());
            severePermission |= aboutPermissions
                    && finding.category().isSecurity()
                    && finding.severity().isAtLeast(FindingSeverity.HIGH)
                    && finding.severity() != FindingSeverity.BLOCK;
        }
        if (!severePermission || trust == null || level.raised() == level) {
            return new Risk(level, null);
        }
        RiskLevel found = level;
        return exposure(trust, accountId)
                .map(who -> new Risk(found.raised(), "raised from " + found + ": " + who))
                .orElse(new Risk(level, null));
    }

    /**
     * Who, beyond the account's own principals, may assume the role, in words: a compute service,
     * another account, any principal, or a federated identity; empty when nobody.
     */
    private static Optional<String> exposure(PolicyDocument trust, @Nullable String accountId) {
        for (Statement statement : trust.statements()) {
            PrincipalElement principal = statement.principal();
            if (principal == null || statement.effect() != Effect.ALLOW) {
                continue;
            }
            if (principal.negated() || principal.namesEveryone()) {
                return Optional.of("any principal can assume this role");
            }
            if (!principal.valuesOf(PrincipalType.FEDERATED).isEmpty()) {
                return Optional.of("a federated identity can assume this role");
            }
            for (PrincipalValue value : principal.values()) {
                if (value.type() == PrincipalType.SERVICE
                        && SensitiveActions.COMPUTE_SERVICES.contains(
                                value.value().toLowerCase(Locale.ROOT))) {
                    return Optional.of("a compute service can assume this role");
                }
                if (value.type() == PrincipalType.AWS) {
                    String account = Principals.accountOf(value.value());
                    if (account != null && !account.equals(accountId)) {
                        return Optional.of("another account can assume this role");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
