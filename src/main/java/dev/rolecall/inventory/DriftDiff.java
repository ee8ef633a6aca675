package dev.rolecall.inventory;

import dev.rolecall.request.RoleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Where a live role differs from the spec Rolecall applied, field by field: path, description,
 * trust policy, maximum session, boundary, each managed policy, each inline policy and each tag.
 * Policies compare as JSON values (key order and spacing do not matter); an empty description is
 * none, as IAM answers it; the expiry is Rolecall's own and never in AWS.
 */
final class DriftDiff {

    private DriftDiff() {}

    static List<FieldDiff> compare(RoleSpec recorded, RoleSpec live) {
        List<FieldDiff> diffs = new ArrayList<>();
        field(diffs, "path", recorded.path(), live.path());
        field(diffs, "description", blankless(recorded.description()), blankless(live.description()));
        json(diffs, "trustPolicy", recorded.trustPolicy(), live.trustPolicy());
        field(
                diffs,
                "maxSessionDurationSeconds",
                Integer.toString(recorded.maxSessionDurationSeconds()),
                Integer.toString(live.maxSessionDurationSeconds()));
        field(diffs, "permissionsBoundaryArn", recorded.permissionsBoundaryArn(), live.permissionsBoundaryArn());
        TreeSet<String> managed = new TreeSet<>(recorded.managedPolicyArns());
        managed.addAll(live.managedPolicyArns());
        for (String arn : managed) {
            field(
                    diffs,
                    "managedPolicyArns." + arn,
                    recorded.managedPolicyArns().contains(arn) ? "attached" : null,
                    live.managedPolicyArns().contains(arn) ? "attached" : null);
        }
        for (String name : union(recorded.inlinePolicies(), live.inlinePolicies())) {
            json(
                    diffs,
                    "inlinePolicies." + name,
                    recorded.inlinePolicies().get(name),
                    live.inlinePolicies().get(name));
        }
        for (String key : union(recorded.tags(), live.tags())) {
            field(diffs, "tags." + key, recorded.tags().get(key), live.tags().get(key));
        }
        return diffs;
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static void json(
            List<FieldDiff> diffs, String field, @Nullable JsonNode recorded, @Nullable JsonNode live) {
        if (!Objects.equals(recorded, live)) {
            diffs.add(new FieldDiff(field, text(recorded), text(live)));
        }
    }

    private static void field(List<FieldDiff> diffs, String field, @Nullable String recorded, @Nullable String live) {
        if (!Objects.equals(recorded, live)) {
            diffs.add(new FieldDiff(field, recorded == null ? "" : recorded, live == null ? "" : live));
        }
    }

    private static String text(@Nullable JsonNode node) {
        return node == null ? "" : node.toPrettyString();
    }

    private static @Nullable String blankless(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
