package dev.rolecall.policy.findings;

import dev.rolecall.policy.access.EffectivePermissions;
import dev.rolecall.policy.access.Grant;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.model.ResourceElement;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks whether the role can get out from under permissions boundaries. */
final class BoundaryChecks {

    private static final List<String> CREATE = List.of(
            "iam:CreateRole", "iam:CreateUser", "iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary");
    private static final List<String> REMOVE =
            List.of("iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary");
    private static final List<String> EDIT_POLICY = List.of("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion");

    private final IamCatalog catalog;
    private final EffectivePermissions effective;
    private final @Nullable String boundaryArn;
    private final boolean bounded;
    private final FindingSeverity severity;
    private final Findings findings;

    /**
     * @param bounded whether the role has, or must have, a permissions boundary: escaping it is then HIGH;
     *     otherwise only creating unbounded principals is reported, as MEDIUM
     */
    BoundaryChecks(
            IamCatalog catalog,
            EffectivePermissions effective,
            @Nullable String boundaryArn,
            boolean bounded,
            Findings findings) {
        this.catalog = catalog;
        this.effective = effective;
        this.boundaryArn = boundaryArn;
        this.bounded = bounded;
        this.severity = bounded ? FindingSeverity.HIGH : FindingSeverity.MEDIUM;
        this.findings = findings;
    }

    void run() {
        if (findings.has(FindingCode.FULL_ADMIN)) {
            return;
        }
        checkCreateWithoutBoundaryCondition();
        if (!bounded) {
            // Without a boundary of its own, removing or rewriting boundaries is privilege escalation (reported as
            // such).
            return;
        }
        checkRemove();
        checkRewrite();
    }

    private void checkCreateWithoutBoundaryCondition() {
        ActionSet create = catalog.actionsNamed(CREATE);
        effective.grants().stream()
                .filter(grant -> grant.actions().intersects(create))
                .filter(grant -> !ConditionFacts.narrows(grant.conditions(), Set.of("iam:permissionsboundary")))
                .findFirst()
                .ifPresent(grant -> findings.add(
                        FindingCode.BOUNDARY_ESCAPE,
                        severity,
                        grant.location(),
                        PermissionChecks.summary(grant.actions().intersect(create))
                                + " without a condition on iam:PermissionsBoundary"));
    }

    private void checkRemove() {
        effective
                .firstGrantOf(catalog.actionsNamed(REMOVE), false)
                .ifPresent(grant -> findings.add(
                        FindingCode.BOUNDARY_ESCAPE,
                        severity,
                        grant.location(),
                        "Can remove permissions boundaries: "
                                + PermissionChecks.summary(grant.actions().intersect(catalog.actionsNamed(REMOVE)))));
    }

    private void checkRewrite() {
        ActionSet edit = catalog.actionsNamed(EDIT_POLICY);
        effective.grants().stream()
                .filter(grant -> grant.actions().intersects(edit) && reachesBoundary(grant))
                .findFirst()
                .ifPresent(grant -> findings.add(
                        FindingCode.BOUNDARY_ESCAPE,
                        severity,
                        grant.location(),
                        boundaryArn == null
                                ? "Can rewrite any managed policy, including permissions boundaries"
                                : "Can rewrite its own permissions boundary " + boundaryArn));
    }

    private boolean reachesBoundary(Grant grant) {
        ResourceElement resources = grant.statement().resource();
        if (boundaryArn == null || resources == null) {
            return grant.allResources();
        }
        boolean listed = resources.patterns().stream().anyMatch(pattern -> pattern.matches(boundaryArn));
        return listed != resources.negated();
    }
}
