package dev.rolecall.inventory;

import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.RolePolicies;
import dev.rolecall.request.RoleSpec;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A role spec as the policy engine reads it. */
final class RoleSpecs {

    private RoleSpecs() {}

    /** The role's permission policies, with its ARN so that simulations know who calls. */
    static RolePolicies policies(RoleSpec spec, @Nullable String roleArn) {
        List<PolicyInput> inline = new ArrayList<>();
        spec.inlinePolicies().forEach((name, document) -> inline.add(PolicyInput.of(name, document)));
        String arn = roleArn != null
                ? roleArn
                : "arn:aws:iam::" + spec.accountId() + ":role" + spec.path() + spec.roleName();
        return new RolePolicies(spec.accountId(), inline, spec.managedPolicyArns(), spec.permissionsBoundaryArn(), arn);
    }
}
