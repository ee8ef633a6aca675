package dev.rolecall.policy.findings;

import dev.rolecall.policy.FindingSeverity;
import dev.rolecall.policy.PolicyFinding;
import dev.rolecall.policy.RiskLevel;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.PrincipalElement;
import dev.rolecall.policy.model.PrincipalType;
import dev.rolecall.policy.model.PrincipalValue;
import dev.rolecall.policy.model.Statement;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A role's risk level: the highest severity among its findings, one level higher when a compute
 * service or an outside principal may assume a role that has a CRITICAL or HIGH permission finding
 * (code that others can change, or people outside the account, then hold those permissions).
 */
final class RiskCalculator {

    private RiskCalculator() {}

    static RiskLevel risk(List<PolicyFinding> findings, @Nullable PolicyDocument trust, @Nullable String accountId) {
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
        return severePermission && trust != null && exposed(trust, accountId) ? level.raised() : level;
    }

    /** Whether a compute service, another account, any principal, or a federated identity may assume the role. */
    static boolean exposed(PolicyDocument trust, @Nullable String accountId) {
        for (Statement statement : trust.statements()) {
            PrincipalElement principal = statement.principal();
            if (principal == null || statement.effect() != dev.rolecall.policy.model.Effect.ALLOW) {
                continue;
            }
            if (principal.negated()
                    || principal.namesEveryone()
                    || !principal.valuesOf(PrincipalType.FEDERATED).isEmpty()) {
                return true;
            }
            for (PrincipalValue value : principal.values()) {
                if (value.type() == PrincipalType.SERVICE
                        && SensitiveActions.COMPUTE_SERVICES.contains(
                                value.value().toLowerCase(Locale.ROOT))) {
                    return true;
                }
                if (value.type() == PrincipalType.AWS) {
                    String account = Principals.accountOf(value.value());
                    if (account != null && !account.equals(accountId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
