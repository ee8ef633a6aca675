package dev.rolecall.request.web;

import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.JsonText;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.request.spec.RoleSpecConverter;
import dev.rolecall.request.spec.SubmitRoleRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Converts the browser form to a {@link SubmitRoleRequest}, and names problems by the form's own
 * fields so that each message appears under the input it is about.
 */
public final class RoleRequestFormMapper {

    private RoleRequestFormMapper() {}

    /**
     * A command, and the problems (with form field names) found while making it. Unparsable
     * parts stand in as empty so that validation still reports every other field at once.
     */
    public record Result(SubmitRoleRequest command, List<FieldProblem> problems) {}

    /** As {@link #toCommand(RoleRequestForm, Set)} for a form whose trust names no other account. */
    public static Result toCommand(RoleRequestForm form) {
        return toCommand(form, Set.of());
    }

    /**
     * Converts the form; when its trusted entity comes from the builder, the builder writes the
     * trust policy first (and fills the form's JSON with it), so what is filed is what the fields say.
     *
     * @param knownAccounts the registry's accounts, which a trusted "other account" must be one of
     */
    public static Result toCommand(RoleRequestForm form, Set<String> knownAccounts) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        TrustBuilding.build(form, knownAccounts, problems);
        JsonNode trust = JsonText.parse(form.getTrustPolicy(), "trustPolicy", problems);
        if (trust != null) {
            texts.put("trustPolicy", form.getTrustPolicy());
        }
        Map<String, JsonNode> inline = inlinePolicies(form.getInlinePolicies(), texts, problems);
        Map<String, String> tags = tags(form.getTags(), problems);
        Integer session = parseSession(form.getMaxSessionDurationSeconds(), problems);
        Instant expiresAt = parseExpiry(form.getExpiresAt(), problems);
        RoleSpec spec = new RoleSpec(
                form.getAccountId().strip(),
                form.getRoleName().strip(),
                form.getPath().strip(),
                blankToNull(form.getDescription()),
                trust == null ? RoleSpecConverter.JSON.createObjectNode() : trust,
                managedPolicyArns(form.getManagedPolicyArns()),
                inline,
                blankToNull(form.getPermissionsBoundaryArn()),
                session == null ? RoleSpec.DEFAULT_SESSION_SECONDS : session,
                tags,
                expiresAt);
        return new Result(
                new SubmitRoleRequest(
                        spec,
                        form.getJustification().strip(),
                        texts,
                        form.requestKind(),
                        form.isEmergency(),
                        form.isEmergency() ? form.getEmergencyReason().strip() : null),
                problems);
    }

    private static Map<String, JsonNode> inlinePolicies(
            List<RoleRequestForm.InlinePolicy> policies, Map<String, String> texts, List<FieldProblem> problems) {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        for (int i = 0; i < policies.size(); i++) {
            RoleRequestForm.InlinePolicy policy = policies.get(i);
            if (policy.isBlank()) {
                continue;
            }
            String name = policy.getName().strip();
            if (name.isEmpty()) {
                problems.add(new FieldProblem("inlinePolicies[" + i + "].name", "Give the inline policy a name"));
            } else if (inline.containsKey(name)) {
                problems.add(new FieldProblem("inlinePolicies[" + i + "].name", "Another inline policy has this name"));
            }
            JsonNode document = JsonText.parse(policy.getDocument(), "inlinePolicies[" + i + "].document", problems);
            if (document != null && !name.isEmpty()) {
                inline.put(name, document);
                texts.putIfAbsent("inlinePolicies." + name, policy.getDocument());
            }
        }
        return inline;
    }

    private static Map<String, String> tags(List<RoleRequestForm.Tag> tagRows, List<FieldProblem> problems) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagRows.size(); i++) {
            RoleRequestForm.Tag tag = tagRows.get(i);
            if (!tag.isBlank() && tags.put(tag.getKey().strip(), tag.getValue().strip()) != null) {
                problems.add(new FieldProblem("tags[" + i + "].key", "This tag key is already used"));
            }
        }
        return tags;
    }

    private static List<String> managedPolicyArns(String lines) {
        return Arrays.stream(lines.split("\\R"))
                .map(String::strip)
                .filter(arn -> !arn.isEmpty())
                .toList();
    }

    /**
     * A form filled in with a request's current revision, so that a revision starts from what was
     * filed. Documents are pretty-printed; one empty tag row is added for a new tag.
     */
    static RoleRequestForm toForm(RoleRequestView request) {
        return toForm(request, Set.of());
    }

    /** As {@link #toForm(RoleRequestView)}; a trust policy the builder would write re-opens in it. */
    static RoleRequestForm toForm(RoleRequestView request, Set<String> knownAccounts) {
        return toForm(request.spec(), request.justification(), knownAccounts);
    }

    /** The form filled in with a spec, e.g. a live role to change, and a justification. */
    static RoleRequestForm toForm(RoleSpec spec, String justification, Set<String> knownAccounts) {
        RoleRequestForm form = new RoleRequestForm();
        form.setAccountId(spec.accountId());
        form.setRoleName(spec.roleName());
        form.setPath(spec.path());
        form.setDescription(spec.description() == null ? "" : spec.description());
        form.setTrustPolicy(PolicyDocuments.format(spec.trustPolicy()));
        form.setManagedPolicyArns(String.join("\n", spec.managedPolicyArns()));
        form.setInlinePolicies(inlinePolicyRows(spec.inlinePolicies()));
        form.setPermissionsBoundaryArn(spec.permissionsBoundaryArn() == null ? "" : spec.permissionsBoundaryArn());
        form.setMaxSessionDurationSeconds(String.valueOf(spec.maxSessionDurationSeconds()));
        form.setTags(tagRows(spec.tags()));
        form.setExpiresAt(
                spec.expiresAt() == null
                        ? ""
                        : LocalDateTime.ofInstant(spec.expiresAt(), ZoneOffset.UTC)
                                .toString());
        form.setJustification(justification);
        TrustBuilding.recognise(form, knownAccounts);
        return form;
    }

    /** One row per inline policy with its document pretty-printed, or one empty row when there are none. */
    private static List<RoleRequestForm.InlinePolicy> inlinePolicyRows(Map<String, JsonNode> policies) {
        List<RoleRequestForm.InlinePolicy> inline = new ArrayList<>();
        policies.forEach((name, document) -> {
            RoleRequestForm.InlinePolicy policy = new RoleRequestForm.InlinePolicy();
            policy.setName(name);
            policy.setDocument(PolicyDocuments.format(document));
            inline.add(policy);
        });
        if (inline.isEmpty()) {
            inline.add(new RoleRequestForm.InlinePolicy());
        }
        return inline;
    }

    /** One row per tag, then an empty row for a new tag. */
    private static List<RoleRequestForm.Tag> tagRows(Map<String, String> tagsByKey) {
        List<RoleRequestForm.Tag> tags = new ArrayList<>();
        tagsByKey.forEach((key, value) -> {
            RoleRequestForm.Tag tag = new RoleRequestForm.Tag();
            tag.setKey(key);
            tag.setValue(value);
            tags.add(tag);
        });
        tags.add(new RoleRequestForm.Tag());
        return tags;
    }

    /** The form field a problem named by its API field belongs to. */
    static String formField(FieldProblem problem, RoleRequestForm form) {
        String field = problem.field();
        if (field.startsWith("inlinePolicies.")) {
            String name = field.substring("inlinePolicies.".length());
            for (int i = 0; i < form.getInlinePolicies().size(); i++) {
                if (form.getInlinePolicies().get(i).getName().strip().equals(name)) {
                    return "inlinePolicies[" + i + "].document";
                }
            }
            return "inlinePolicies";
        }
        if (field.startsWith("tags.")) {
            String key = field.substring("tags.".length());
            for (int i = 0; i < form.getTags().size(); i++) {
                if (form.getTags().get(i).getKey().strip().equals(key)) {
                    return "tags[" + i + "].key";
                }
            }
            return "tags";
        }
        return field;
    }

    private static @Nullable Integer parseSession(String text, List<FieldProblem> problems) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(
                    "maxSessionDurationSeconds",
                    "Session duration must be a whole number of seconds between 3600 and 43200"));
            return null;
        }
    }

    private static @Nullable Instant parseExpiry(String text, List<FieldProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("expiresAt", "Expiry must be a date and time in UTC, like 2026-12-31T18:00"));
            return null;
        }
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}
