package dev.rolecall.request.web;

import dev.rolecall.policy.PolicyLimits;
import dev.rolecall.request.spec.RoleSpecValidator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;

/**
 * How many tag and inline-policy rows the request form binds. Spring grows a list to whatever index
 * a post names ({@code tags[100000].key}) and fails past its own limit; here rows past IAM's limits
 * are not bound at all and the list gets a field error instead, so nothing is saved.
 */
final class RoleRequestFormRows {

    /** IAM's tags per role; Rolecall's own two tags are counted by the validator. */
    static final int MAX_TAGS = 50;
    /**
     * Inline policies on the form: Rolecall's own bound. IAM limits their characters, not their
     * number ({@value PolicyLimits#INLINE_POLICIES_CHARS} for all of a role's inline policies
     * together), which the validator checks once the rows are bound.
     */
    static final int MAX_INLINE_POLICIES = 100;

    static final String TOO_MANY_TAGS = "At most " + RoleSpecValidator.MAX_USER_TAGS + " tags: IAM allows " + MAX_TAGS
            + " and Rolecall adds managed-by and rolecall:request-id";
    static final String TOO_MANY_INLINE_POLICIES = "At most " + MAX_INLINE_POLICIES
            + " inline policies on one request; IAM also allows only 10,240 characters for all of them together";

    /** A row of either list, after the marker prefixes Spring accepts ({@code _} and {@code !}). */
    private static final Pattern ROW = Pattern.compile("^[_!]?(tags|inlinePolicies)\\[([^\\]]*)\\]");

    private RoleRequestFormRows() {}

    /**
     * Leaves out of the binding every parameter of a row past the limit, or with an index that is not
     * a number; {@link #report} then names the lists they belonged to.
     */
    static void limit(WebDataBinder binder, Collection<String> parameterNames) {
        binder.setAutoGrowCollectionLimit(Math.max(MAX_TAGS, MAX_INLINE_POLICIES));
        String[] refused = parameterNames.stream()
                .filter(name -> list(name) != null)
                .map(name -> name.startsWith("_") || name.startsWith("!") ? name.substring(1) : name)
                .distinct()
                .toArray(String[]::new);
        if (refused.length > 0) {
            binder.setDisallowedFields(refused);
        }
    }

    /** A field error on each list that had rows left out by {@link #limit}. */
    static void report(BindingResult binding) {
        Set<String> lists = new LinkedHashSet<>();
        for (String field : binding.getSuppressedFields()) {
            String list = list(field);
            if (list != null) {
                lists.add(list);
            }
        }
        for (String list : lists) {
            if (!binding.hasFieldErrors(list)) {
                binding.rejectValue(list, "tooMany", list.equals("tags") ? TOO_MANY_TAGS : TOO_MANY_INLINE_POLICIES);
            }
        }
    }

    /** The form's No-script "add a policy" button: one more empty row, or, at the limit, a field error. */
    static void addInlinePolicy(RoleRequestForm form, BindingResult binding) {
        report(binding);
        if (form.getInlinePolicies().size() < MAX_INLINE_POLICIES) {
            form.getInlinePolicies().add(new RoleRequestForm.InlinePolicy());
        } else if (!binding.hasFieldErrors("inlinePolicies")) {
            binding.rejectValue("inlinePolicies", "tooMany", TOO_MANY_INLINE_POLICIES);
        }
    }

    /** The form's No-script "add a tag" button: one more empty row, or, at the limit, a field error. */
    static void addTag(RoleRequestForm form, BindingResult binding) {
        report(binding);
        if (form.getTags().size() < MAX_TAGS) {
            form.getTags().add(new RoleRequestForm.Tag());
        } else if (!binding.hasFieldErrors("tags")) {
            binding.rejectValue("tags", "tooMany", TOO_MANY_TAGS);
        }
    }

    /** The list a parameter names a row of when that row is past the limit, otherwise null. */
    private static @Nullable String list(String parameter) {
        Matcher row = ROW.matcher(parameter);
        if (!row.find()) {
            return null;
        }
        String list = row.group(1);
        return within(row.group(2), list.equals("tags") ? MAX_TAGS : MAX_INLINE_POLICIES) ? null : list;
    }

    private static boolean within(String index, int limit) {
        return index.matches("\\d{1,4}") && Integer.parseInt(index) < limit;
    }
}
