package dev.rolecall.inventory;

import dev.rolecall.policy.analysis.RiskLevel;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inventory's filters as the URL query carries them, for the page, the CSV and the API alike.
 * A value that is not one of the allowed ones is a field error, never ignored.
 *
 * @param expiresBefore only live roles that expire before this: a date ({@code 2026-12-31}, i.e.
 *     before that day starts, UTC) or a moment ({@code 2026-12-31T12:00:00Z}); must be in the future
 * @param within only live roles that expire within this many days from now (7 or 30): the same as
 *     {@code expiresBefore} set to now plus that many days
 * @param after the position the page starts after (from a page link), or empty
 * @param before the position the page ends before (from a page link), or empty
 */
record RoleFilterForm(
        @Nullable @Pattern(regexp = "[0-9]{12}", message = "account must be a 12-digit account id")
        String account,

        @Nullable @Size(max = 64) String environment,
        @Nullable @Size(max = 128) String team,
        @Nullable RoleState state,
        @Nullable RiskLevel risk,
        @Nullable @Size(max = 64) String q,
        @Nullable @Size(max = 40, message = EXPIRES_BEFORE) String expiresBefore,

        @Nullable @Pattern(regexp = "7|30", message = "within must be 7 or 30 (days)")
        String within,

        @Nullable @Size(max = 120, message = "after must be a position from a page link")
        String after,

        @Nullable @Size(max = 120, message = "before must be a position from a page link")
        String before) {

    static final String EXPIRES_BEFORE = "expiresBefore must be a date (2026-12-31) or a moment (2026-12-31T12:00:00Z)";

    /**
     * What to list: the filter, with the environment turned into its accounts and the expiry
     * window into a moment, and where the page starts.
     *
     * @throws BindException naming each field that cannot be read
     */
    Listing listing(RoleInventory inventory, Instant now) throws BindException {
        List<FieldError> errors = new ArrayList<>();
        Instant expiry = expiry(now, errors);
        RolePosition from = null;
        boolean backwards = false;
        if (present(after) && present(before)) {
            errors.add(error("before", "a page starts after a position or ends before one, not both"));
        } else if (present(after) || present(before)) {
            backwards = !present(after);
            from = position(backwards ? "before" : "after", backwards ? before : after, expiry != null, errors);
        }
        if (!errors.isEmpty()) {
            BeanPropertyBindingResult binding = new BeanPropertyBindingResult(this, "filter");
            errors.forEach(binding::addError);
            throw new BindException(binding);
        }
        return new Listing(resolved(inventory, expiry), from, backwards);
    }

    /** The filter alone (the CSV has no pages). */
    RoleFilter filter(RoleInventory inventory, Instant now) throws BindException {
        return listing(inventory, now).filter();
    }

    private RoleFilter resolved(RoleInventory inventory, @Nullable Instant expiry) {
        List<String> accounts = null;
        String env = environment;
        if (env != null && !env.isBlank()) {
            accounts = inventory.accountsIn(env);
        }
        String id = account;
        if (id != null && !id.isBlank()) {
            accounts = accounts == null || accounts.contains(id) ? List.of(id) : List.of();
        }
        return new RoleFilter(accounts, present(team) ? team : null, state, risk, present(q) ? q : null, expiry);
    }

    private @Nullable Instant expiry(Instant now, List<FieldError> errors) {
        String text = expiresBefore;
        String days = within;
        if (present(text) && present(days)) {
            errors.add(error("within", "choose a date or a period, not both"));
            return null;
        }
        if (present(days)) {
            return now.plus(Duration.ofDays(Integer.parseInt(days)));
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant limit;
        try {
            limit = text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeException e) {
            errors.add(error("expiresBefore", EXPIRES_BEFORE));
            return null;
        }
        if (!limit.isAfter(now)) {
            errors.add(error("expiresBefore", "expiresBefore must be in the future"));
            return null;
        }
        return limit;
    }

    private static @Nullable RolePosition position(
            String field, @Nullable String text, boolean byExpiry, List<FieldError> errors) {
        try {
            String value = String.valueOf(text);
            return byExpiry ? ExpiryKey.parse(value) : RoleKey.parse(value);
        } catch (IllegalArgumentException e) {
            errors.add(error(field, field + " must be a position from a page link of this list"));
            return null;
        }
    }

    private static FieldError error(String field, String message) {
        return new FieldError("filter", field, message);
    }

    /**
     * A link to a page of this list with the same filters: the expiry as the moment it was resolved
     * to (so that every page of "within 7 days" lists the same roles), and a position.
     *
     * @param path {@code /roles}, or {@code /roles.csv}
     * @param expiry the moment the expiry filter was resolved to, or {@code null}
     */
    public String link(
            String path, @Nullable Instant expiry, @Nullable RolePosition after, @Nullable RolePosition before) {
        Map<String, Object> values = new LinkedHashMap<>();
        Object[] params = {
            "account", account,
            "environment", environment,
            "team", team,
            "state", state,
            "risk", risk,
            "q", q,
            "expiresBefore", expiry,
            "after", after,
            "before", before
        };
        for (int i = 0; i < params.length; i += 2) {
            Object value = params[i + 1];
            if (value != null && !value.toString().isBlank()) {
                values.put((String) params[i], value.toString());
            }
        }
        // Each value a URI variable, so encoded strictly: '+' (allowed in role names) would arrive as a space.
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        values.keySet().forEach(name -> link.queryParam(name, "{" + name + "}"));
        return link.encode().buildAndExpand(values).toUriString();
    }

    /** Whether any filter is set, so that an empty list can say "nothing matches" rather than "no roles". */
    public boolean filtered() {
        return present(account)
                || present(environment)
                || present(team)
                || state != null
                || risk != null
                || present(q)
                || present(expiresBefore)
                || present(within);
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /**
     * A page to list.
     *
     * @param from the position the page starts after (or ends before, {@code backwards}), or
     *     {@code null} for the first page
     */
    record Listing(RoleFilter filter, @Nullable RolePosition from, boolean backwards) {}
}
