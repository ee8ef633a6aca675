package dev.rolecall.policy.web;

import dev.rolecall.policy.ManagedPolicyPicker;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /policies/managed?q=&accountId=}: finds AWS managed policies by name, with each one's
 * risk and access, and the account's customer-managed policies when Rolecall can read them. The request form asks for the results as an htmx fragment while the person types; without
 * JavaScript the same search is a page of its own.
 */
@Controller
class ManagedPolicyController {

    private static final int LONGEST_QUERY = 128;

    private final ManagedPolicyPicker picker;

    ManagedPolicyController(ManagedPolicyPicker picker) {
        this.picker = picker;
    }

    @GetMapping("/policies/managed")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String accountId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        String query = q.length() > LONGEST_QUERY ? q.substring(0, LONGEST_QUERY) : q;
        model.addAttribute("query", query);
        model.addAttribute("choices", picker.search(query));
        String account = accountId.length() > LONGEST_QUERY ? accountId.substring(0, LONGEST_QUERY) : accountId;
        model.addAttribute("accountId", account);
        model.addAttribute("customer", picker.searchAccount(query, account));
        model.addAttribute("mostMatches", ManagedPolicyPicker.MOST_MATCHES);
        // Only the form that asked while the person typed has a list to add the ARN to.
        model.addAttribute("inForm", htmx != null);
        return htmx != null ? "policy/managed :: results" : "policy/managed";
    }
}
