package dev.rolecall.request.web;

import dev.rolecall.policy.PolicyTemplates;
import dev.rolecall.policy.PolicyTemplates.Rendering;
import dev.rolecall.policy.PolicyTemplates.Template;
import dev.rolecall.request.spec.PolicyDocuments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The request form's "Add a policy from a template": the chosen template, filled with the values
 * typed beside it (fields {@code tpl.<template>.<parameter>}), becomes one more inline policy named
 * {@code tpl-<template>-<n>}. A value that does not fit its parameter adds nothing and is shown
 * with its problem next to the field, the values kept.
 */
final class PolicyTemplateRows {

    private static final String UNKNOWN = "That template is not offered any more; choose another.";

    private PolicyTemplateRows() {}

    static void add(
            RoleRequestForm form,
            BindingResult binding,
            PolicyTemplates templates,
            String templateId,
            Map<String, String> parameters,
            Model model) {
        RoleRequestFormRows.report(binding);
        Map<String, String> typed = typed(parameters);
        model.addAttribute("templateValues", typed);
        model.addAttribute("templateOpen", templateId);
        Optional<Template> template = templates.byId(templateId);
        if (template.isEmpty()) {
            model.addAttribute("templateErrors", Map.of(templateId + ".template", UNKNOWN));
            return;
        }
        Rendering rendering = templates.render(template.get(), form.getAccountId(), values(typed, templateId));
        if (rendering.document() == null) {
            Map<String, String> errors = new LinkedHashMap<>();
            rendering.problems().forEach((name, problem) -> errors.put(templateId + "." + name, problem));
            model.addAttribute("templateErrors", errors);
            return;
        }
        Optional<RoleRequestForm.InlinePolicy> row = emptyRow(form);
        if (row.isEmpty()) {
            binding.rejectValue("inlinePolicies", "tooMany", RoleRequestFormRows.TOO_MANY_INLINE_POLICIES);
            return;
        }
        RoleRequestForm.InlinePolicy policy = row.get();
        policy.setName(freeName(form, templateId));
        policy.setDocument(PolicyDocuments.format(rendering.document()));
        model.addAttribute("templateAdded", policy.getName());
    }

    /** The first inline policy row left blank, or a new one while there is room. */
    private static Optional<RoleRequestForm.InlinePolicy> emptyRow(RoleRequestForm form) {
        Optional<RoleRequestForm.InlinePolicy> blank = form.getInlinePolicies().stream()
                .filter(policy ->
                        policy.getName().isBlank() && policy.getDocument().isBlank())
                .findFirst();
        if (blank.isPresent() || form.getInlinePolicies().size() >= RoleRequestFormRows.MAX_INLINE_POLICIES) {
            return blank;
        }
        RoleRequestForm.InlinePolicy added = new RoleRequestForm.InlinePolicy();
        form.getInlinePolicies().add(added);
        return Optional.of(added);
    }

    /** The typed values by {@code <template>.<parameter>}. */
    private static Map<String, String> typed(Map<String, String> parameters) {
        Map<String, String> typed = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("tpl.")) {
                typed.put(name.substring("tpl.".length()), value);
            }
        });
        return typed;
    }

    private static Map<String, String> values(Map<String, String> typed, String templateId) {
        Map<String, String> values = new LinkedHashMap<>();
        typed.forEach((key, value) -> {
            if (key.startsWith(templateId + ".")) {
                values.put(key.substring(templateId.length() + 1), value);
            }
        });
        return values;
    }

    private static String freeName(RoleRequestForm form, String templateId) {
        int n = 1;
        while (taken(form, "tpl-" + templateId + "-" + n)) {
            n++;
        }
        return "tpl-" + templateId + "-" + n;
    }

    private static boolean taken(RoleRequestForm form, String name) {
        return form.getInlinePolicies().stream().anyMatch(policy -> name.equals(policy.getName()));
    }
}
