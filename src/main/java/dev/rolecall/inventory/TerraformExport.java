package dev.rolecall.inventory;

import dev.rolecall.request.RoleSpec;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A role's spec as Terraform for the AWS provider: one {@code aws_iam_role} (trust policy, path,
 * description, maximum session, boundary, tags), an {@code aws_iam_role_policy} per inline policy
 * and an {@code aws_iam_role_policy_attachment} per managed policy. Policy documents are written as
 * {@code jsonencode(...)} of an HCL object, so that {@code terraform fmt} and plans show them as
 * values; IAM policy variables such as {@code ${aws:username}} are escaped ({@code $${...}}) so
 * Terraform does not read them as its own interpolation.
 */
final class TerraformExport {

    private static final String INDENT = "  ";

    private TerraformExport() {}

    static String render(RoleSpec spec) {
        StringBuilder out = new StringBuilder();
        Set<String> taken = new HashSet<>();
        String role = identifier(spec.roleName(), taken);
        out.append("resource \"aws_iam_role\" \"").append(role).append("\" {\n");
        attribute(out, "name", quoted(spec.roleName()));
        attribute(out, "path", quoted(spec.path()));
        if (spec.description() != null) {
            attribute(out, "description", quoted(spec.description()));
        }
        attribute(out, "max_session_duration", Integer.toString(spec.maxSessionDurationSeconds()));
        if (spec.permissionsBoundaryArn() != null) {
            attribute(out, "permissions_boundary", quoted(spec.permissionsBoundaryArn()));
        }
        attribute(out, "assume_role_policy", "jsonencode(" + hcl(spec.trustPolicy(), 1) + ")");
        tags(out, spec.tags());
        out.append("}\n");
        spec.inlinePolicies().forEach((name, document) -> inline(out, role, name, document, taken));
        for (String arn : spec.managedPolicyArns()) {
            attachment(out, role, arn, taken);
        }
        return out.toString();
    }

    private static void inline(StringBuilder out, String role, String name, JsonNode document, Set<String> taken) {
        out.append("\nresource \"aws_iam_role_policy\" \"")
                .append(identifier(role + "_" + name, taken))
                .append("\" {\n");
        attribute(out, "name", quoted(name));
        attribute(out, "role", "aws_iam_role." + role + ".id");
        attribute(out, "policy", "jsonencode(" + hcl(document, 1) + ")");
        out.append("}\n");
    }

    private static void attachment(StringBuilder out, String role, String arn, Set<String> taken) {
        String policy = arn.substring(arn.lastIndexOf('/') + 1);
        out.append("\nresource \"aws_iam_role_policy_attachment\" \"")
                .append(identifier(role + "_" + policy, taken))
                .append("\" {\n");
        attribute(out, "role", "aws_iam_role." + role + ".name");
        attribute(out, "policy_arn", quoted(arn));
        out.append("}\n");
    }

    private static void tags(StringBuilder out, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        out.append(INDENT).append("tags = {\n");
        tags.forEach((key, value) -> out.append(INDENT.repeat(2))
                .append(quoted(key))
                .append(" = ")
                .append(quoted(value))
                .append('\n'));
        out.append(INDENT).append("}\n");
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(INDENT).append(name).append(" = ").append(value).append('\n');
    }

    /** A JSON value as an HCL expression, nested objects and arrays indented from {@code depth}. */
    static String hcl(JsonNode node, int depth) {
        if (node.isObject()) {
            return node.isEmpty() ? "{}" : object(node, depth);
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder("[\n");
            for (Iterator<JsonNode> items = node.values().iterator(); items.hasNext(); ) {
                out.append(INDENT.repeat(depth + 1)).append(hcl(items.next(), depth + 1));
                out.append(items.hasNext() ? ",\n" : "\n");
            }
            return out.append(INDENT.repeat(depth)).append(']').toString();
        }
        if (node.isString()) {
            return quoted(node.stringValue());
        }
        return node.isNull() ? "null" : node.toString();
    }

    private static String object(JsonNode node, int depth) {
        StringBuilder out = new StringBuilder("{\n");
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            out.append(INDENT.repeat(depth + 1))
                    .append(quoted(field.getKey()))
                    .append(" = ")
                    .append(hcl(field.getValue(), depth + 1))
                    .append('\n');
        }
        return out.append(INDENT.repeat(depth)).append('}').toString();
    }

    /** An HCL string literal: quotes, backslashes and control characters escaped, templates neutralised. */
    static String quoted(@Nullable String text) {
        StringBuilder out = new StringBuilder("\"");
        String value = text == null ? "" : text;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean opensTemplate = i + 1 < value.length() && value.charAt(i + 1) == '{';
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append(opensTemplate ? "$$" : "$");
                case '%' -> out.append(opensTemplate ? "%%" : "%");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A Terraform resource name: letters, digits, {@code _} and {@code -}, not starting with a digit; unique. */
    static String identifier(String name, Set<String> taken) {
        String base = name.replaceAll("[^A-Za-z0-9_-]", "_").toLowerCase(Locale.ROOT);
        if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
            base = "r_" + base;
        }
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }
}
