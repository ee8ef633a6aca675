package dev.rolecall.request.change;

import dev.rolecall.request.RoleSpec;
import java.time.Instant;
import java.util.List;

/**
 * The minimal IAM calls that turn the live role into what a request asks for, and the live role
 * they were computed against: apply refuses to make them if the role has changed since.
 *
 * @param baseline the live role's spec when it was read (without Rolecall's own tags)
 * @param roleArn the live role's ARN
 * @param roleId IAM's unique id of the live role
 * @param instanceProfileNames the instance profiles the live role is in
 * @param readAt when the live role was read
 * @param calls the calls, in the order apply makes them; empty when nothing would change
 */
public record ChangePlan(
        RoleSpec baseline,
        String roleArn,
        String roleId,
        List<String> instanceProfileNames,
        Instant readAt,
        List<PlannedCall> calls) {

    public ChangePlan {
        instanceProfileNames = List.copyOf(instanceProfileNames);
        calls = List.copyOf(calls);
    }

    /**
     * Whether the live role read for another plan is the same role in the same state as this plan's
     * baseline: same id, same spec (managed policies in any order), same instance profiles.
     */
    public boolean sameBaselineAs(ChangePlan other) {
        return roleId.equals(other.roleId)
                && Baselines.same(baseline, other.baseline)
                && Baselines.sameItems(instanceProfileNames, other.instanceProfileNames);
    }
}
