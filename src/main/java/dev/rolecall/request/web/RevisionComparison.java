package dev.rolecall.request.web;

import dev.rolecall.request.RevisionView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.PolicyDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two revisions of a request, field by field, as a reviewer reads it: plain
 * values before and after, managed policies and tags added and removed, and each policy document
 * as a line diff of its pretty-printed JSON. Only what changed is listed.
 *
 * @param values the plain fields that changed, in the order the request page lists them
 * @param documents the trust policy and inline policies that changed, were added or were removed
 */
record RevisionComparison(
        RevisionView from,
        RevisionView to,
        List<ValueChange> values,
        List<String> managedPoliciesAdded,
        List<String> managedPoliciesRemoved,
        List<TagChange> tags,
        List<DocumentChange> documents) {

    /**
     * A plain field: {@code field} names it (its label is the message {@code revision.field.<field>});
     * {@code null} means the revision left it empty.
     */
    record ValueChange(
            String field, @Nullable String before, @Nullable String after) {}

    /** A tag added ({@code before} null), removed ({@code after} null) or given another value. */
    record TagChange(
            String key, @Nullable String before, @Nullable String after) {}

    /** How a policy document changed. */
    enum DocumentKind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /**
     * A policy document that changed.
     *
     * @param inlinePolicy the inline policy's name, or {@code null} for the trust policy
     */
    record DocumentChange(@Nullable String inlinePolicy, DocumentKind kind, List<LineDiff.Line> lines) {}

    static RevisionComparison between(RevisionView from, RevisionView to) {
        RoleSpec before = from.spec();
        RoleSpec after = to.spec();
        List<ValueChange> values = new ArrayList<>();
        value(values, "path", before.path(), after.path());
        value(values, "description", before.description(), after.description());
        value(values, "justification", from.justification(), to.justification());
        value(values, "permissionsBoundaryArn", before.permissionsBoundaryArn(), after.permissionsBoundaryArn());
        value(values, "maxSessionDurationSeconds", session(before), session(after));
        value(values, "expiresAt", instant(before.expiresAt()), instant(after.expiresAt()));
        return new RevisionComparison(
                from,
                to,
                values,
                missingFrom(before.managedPolicyArns(), after.managedPolicyArns()),
                missingFrom(after.managedPolicyArns(), before.managedPolicyArns()),
                tags(before.tags(), after.tags()),
                documents(before, after));
    }

    /** Whether the two revisions ask for exactly the same role for the same reasons. */
    public boolean isEmpty() {
        return values.isEmpty()
                && managedPoliciesAdded.isEmpty()
                && managedPoliciesRemoved.isEmpty()
                && tags.isEmpty()
                && documents.isEmpty();
    }

    private static void value(List<ValueChange> values, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            values.add(new ValueChange(field, before, after));
        }
    }

    private static String session(RoleSpec spec) {
        int seconds = spec.maxSessionDurationSeconds();
        String hours = seconds % 3600 == 0
                ? String.valueOf(seconds / 3600)
                : String.format(Locale.ROOT, "%.2f", seconds / 3600.0);
        return seconds + " s (" + hours + " h)";
    }

    private static @Nullable String instant(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The entries of {@code present} that {@code other} lacks, in {@code present}'s order. */
    private static List<String> missingFrom(List<String> other, List<String> present) {
        return present.stream().filter(item -> !other.contains(item)).toList();
    }

    private static List<TagChange> tags(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        return keys.stream()
                .filter(key -> !Objects.equals(before.get(key), after.get(key)))
                .map(key -> new TagChange(key, before.get(key), after.get(key)))
                .toList();
    }

    private static List<DocumentChange> documents(RoleSpec before, RoleSpec after) {
        List<DocumentChange> documents = new ArrayList<>();
        document(documents, null, before.trustPolicy(), after.trustPolicy());
        Set<String> names = new LinkedHashSet<>(after.inlinePolicies().keySet());
        names.addAll(before.inlinePolicies().keySet());
        for (String name : names) {
            document(
                    documents,
                    name,
                    before.inlinePolicies().get(name),
                    after.inlinePolicies().get(name));
        }
        return documents;
    }

    private static void document(
            List<DocumentChange> documents,
            @Nullable String inlinePolicy,
            @Nullable JsonNode before,
            @Nullable JsonNode after) {
        List<LineDiff.Line> lines = LineDiff.between(text(before), text(after));
        if (lines.isEmpty()) {
            return;
        }
        DocumentKind kind =
                before == null ? DocumentKind.ADDED : after == null ? DocumentKind.REMOVED : DocumentKind.CHANGED;
        documents.add(new DocumentChange(inlinePolicy, kind, lines));
    }

    private static String text(@Nullable JsonNode document) {
        return document == null ? "" : PolicyDocuments.format(document);
    }
}
