package dev.rolecall.request.web;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.inbox.InboxChoices;
import dev.rolecall.request.inbox.InboxFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The inbox's filter form, bound from the query string. A risk or kind that is no level or kind is a
 * binding error; {@link #check} adds an error for each other value the console does not know.
 */
class InboxFilterForm {

    private static final int MAX_TEXT = 100;

    private @Nullable String account;
    private @Nullable String environment;
    private @Nullable RiskLevel risk;
    private @Nullable RequestKind kind;
    private @Nullable String requester;
    private @Nullable String finding;
    private @Nullable String text;

    /** Adds a field error for each value outside the choices; nothing else is changed. */
    void check(InboxChoices choices, Errors errors) {
        if (account != null && !choices.accounts().contains(account)) {
            errors.rejectValue("account", "inbox.filter.account.unknown");
        }
        if (environment != null && !choices.environments().contains(environment)) {
            errors.rejectValue("environment", "inbox.filter.environment.unknown");
        }
        if (finding != null && !choices.findings().contains(finding)) {
            errors.rejectValue("finding", "inbox.filter.finding.unknown");
        }
        if (requester != null && !requester.matches("[A-Za-z0-9._@-]{1,64}")) {
            errors.rejectValue("requester", "inbox.filter.requester.invalid");
        }
        if (text != null && text.length() > MAX_TEXT) {
            errors.rejectValue("text", "inbox.filter.text.tooLong", new Object[] {MAX_TEXT}, null);
        }
    }

    InboxFilter toFilter() {
        return new InboxFilter(account, environment, risk, kind, requester, finding, text);
    }

    /** The filters that are set, as query parameters, in the form's order. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "account", account);
        put(params, "environment", environment);
        put(params, "risk", risk == null ? null : risk.name());
        put(params, "kind", kind == null ? null : kind.name());
        put(params, "requester", requester);
        put(params, "finding", finding);
        put(params, "text", text);
        return params;
    }

    private static void put(Map<String, String> params, String name, @Nullable String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public @Nullable String getAccount() {
        return account;
    }

    public void setAccount(@Nullable String account) {
        this.account = blankToNull(account);
    }

    public @Nullable String getEnvironment() {
        return environment;
    }

    public void setEnvironment(@Nullable String environment) {
        this.environment = blankToNull(environment);
    }

    public @Nullable RiskLevel getRisk() {
        return risk;
    }

    public void setRisk(@Nullable RiskLevel risk) {
        this.risk = risk;
    }

    public @Nullable RequestKind getKind() {
        return kind;
    }

    public void setKind(@Nullable RequestKind kind) {
        this.kind = kind;
    }

    public @Nullable String getRequester() {
        return requester;
    }

    public void setRequester(@Nullable String requester) {
        this.requester = blankToNull(requester);
    }

    public @Nullable String getFinding() {
        return finding;
    }

    public void setFinding(@Nullable String finding) {
        this.finding = blankToNull(finding);
    }

    public @Nullable String getText() {
        return text;
    }

    public void setText(@Nullable String text) {
        this.text = blankToNull(text);
    }
}
