package dev.rolecall.request.change;

import dev.rolecall.request.RoleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Compares two readings of a live role, ignoring the order IAM happens to list things in. */
final class Baselines {

    private Baselines() {}

    static boolean same(RoleSpec a, RoleSpec b) {
        return a.roleName().equals(b.roleName())
                && a.path().equals(b.path())
                && Objects.equals(a.description(), b.description())
                && a.trustPolicy().equals(b.trustPolicy())
                && sameItems(a.managedPolicyArns(), b.managedPolicyArns())
                && a.inlinePolicies().equals(b.inlinePolicies())
                && Objects.equals(a.permissionsBoundaryArn(), b.permissionsBoundaryArn())
                && a.maxSessionDurationSeconds() == b.maxSessionDurationSeconds()
                && a.tags().equals(b.tags());
    }

    static boolean sameItems(List<String> a, List<String> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
