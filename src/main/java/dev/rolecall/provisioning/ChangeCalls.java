package dev.rolecall.provisioning;

import dev.rolecall.request.RoleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The minimal IAM calls between a live role and what a request asks for; nothing unchanged is
 * called. Access is added before it is removed, so a role never loses what it keeps in between —
 * except where attaching first would put more managed policies on the role than the account's quota
 * allows (IAM refuses that with LimitExceeded): then just enough detaches come first.
 */
final class ChangeCalls {

    private ChangeCalls() {}

    /**
     * The calls that turn the live role into the desired one: UpdateAssumeRolePolicy, UpdateRole,
     * the boundary, PutRolePolicy and AttachRolePolicy, then DetachRolePolicy and DeleteRolePolicy,
     * then TagRole and UntagRole. When the live role's managed policies plus those to attach would
     * exceed {@code managedPoliciesQuota}, that many DetachRolePolicy calls move before the attaches.
     */
    static List<IamCall> change(RoleSpec live, RoleSpec desired, int managedPoliciesQuota) {
        String role = live.roleName();
        List<IamCall> calls = new ArrayList<>();
        if (!live.trustPolicy().equals(desired.trustPolicy())) {
            calls.add(new IamChange.UpdateAssumeRolePolicy(role, desired.trustPolicy()));
        }
        if (!Objects.equals(blankToNull(live.description()), blankToNull(desired.description()))
                || live.maxSessionDurationSeconds() != desired.maxSessionDurationSeconds()) {
            String description = desired.description() == null ? "" : desired.description();
            calls.add(new IamChange.UpdateRole(role, description, desired.maxSessionDurationSeconds()));
        }
        boundary(live, desired, calls);
        desired.inlinePolicies().forEach((name, document) -> {
            if (!document.equals(live.inlinePolicies().get(name))) {
                calls.add(new IamCall.PutRolePolicy(role, name, document));
            }
        });
        managedPolicies(live, desired, managedPoliciesQuota, calls);
        live.inlinePolicies().keySet().stream()
                .filter(name -> !desired.inlinePolicies().containsKey(name))
                .forEach(name -> calls.add(new IamChange.DeleteRolePolicy(role, name)));
        tags(live.tags(), desired.tags(), role, calls);
        return List.copyOf(calls);
    }

    /**
     * The calls that delete the live role, in the order IAM requires: out of its instance profiles,
     * its inline policies deleted, its managed policies detached, then DeleteRole.
     */
    static List<IamCall> delete(LiveRole live) {
        String role = live.spec().roleName();
        List<IamCall> calls = new ArrayList<>();
        live.instanceProfileNames()
                .forEach(profile -> calls.add(new IamChange.RemoveRoleFromInstanceProfile(role, profile)));
        live.spec().inlinePolicies().keySet().forEach(name -> calls.add(new IamChange.DeleteRolePolicy(role, name)));
        live.spec().managedPolicyArns().forEach(arn -> calls.add(new IamChange.DetachRolePolicy(role, arn)));
        calls.add(new IamChange.DeleteRole(role));
        return List.copyOf(calls);
    }

    /**
     * Attaches, then detaches; but never more managed policies on the role at once than the quota:
     * the detaches needed to stay within it go first.
     */
    private static void managedPolicies(RoleSpec live, RoleSpec desired, int quota, List<IamCall> calls) {
        String role = live.roleName();
        List<IamCall> attaches = desired.managedPolicyArns().stream()
                .filter(arn -> !live.managedPolicyArns().contains(arn))
                .<IamCall>map(arn -> new IamCall.AttachRolePolicy(role, arn))
                .toList();
        List<IamCall> detaches = live.managedPolicyArns().stream()
                .filter(arn -> !desired.managedPolicyArns().contains(arn))
                .<IamCall>map(arn -> new IamChange.DetachRolePolicy(role, arn))
                .toList();
        int over = live.managedPolicyArns().size() + attaches.size() - quota;
        int first = Math.min(Math.max(over, 0), detaches.size());
        calls.addAll(detaches.subList(0, first));
        calls.addAll(attaches);
        calls.addAll(detaches.subList(first, detaches.size()));
    }

    private static void boundary(RoleSpec live, RoleSpec desired, List<IamCall> calls) {
        String wanted = desired.permissionsBoundaryArn();
        if (Objects.equals(live.permissionsBoundaryArn(), wanted)) {
            return;
        }
        calls.add(
                wanted == null
                        ? new IamChange.DeleteRolePermissionsBoundary(live.roleName())
                        : new IamChange.PutRolePermissionsBoundary(live.roleName(), wanted));
    }

    private static void tags(Map<String, String> live, Map<String, String> desired, String role, List<IamCall> calls) {
        Map<String, String> set = new LinkedHashMap<>();
        desired.forEach((key, value) -> {
            if (!value.equals(live.get(key))) {
                set.put(key, value);
            }
        });
        if (!set.isEmpty()) {
            calls.add(new IamChange.TagRole(role, set));
        }
        List<String> removed =
                live.keySet().stream().filter(key -> !desired.containsKey(key)).toList();
        if (!removed.isEmpty()) {
            calls.add(new IamChange.UntagRole(role, removed));
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
