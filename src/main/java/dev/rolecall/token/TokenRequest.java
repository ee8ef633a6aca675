package dev.rolecall.token;

import dev.rolecall.identity.CurrentUser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A token as asked for, on the page or as the body of {@code POST /api/v1/tokens}.
 *
 * @param expiresAt ISO-8601 (a date means the start of that day, UTC)
 */
record TokenRequest(
        @Nullable String name,
        @Nullable List<String> scopes,
        @Nullable String expiresAt) {

    String nameText() {
        return name == null ? "" : name.strip();
    }

    Set<TokenScope> scopeSet() {
        Set<TokenScope> set = EnumSet.noneOf(TokenScope.class);
        if (scopes != null) {
            scopes.forEach(value -> TokenScope.of(value).ifPresent(set::add));
        }
        return set;
    }

    Instant expiry() {
        Instant parsed = parse(expiresAt);
        if (parsed == null) {
            throw new IllegalStateException("check problems() first");
        }
        return parsed;
    }

    /** By field, what to fix; empty when the request can be granted. */
    Map<String, String> problems(CurrentUser owner, Instant now, Duration maxLifetime) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (nameText().isEmpty() || nameText().length() > 64) {
            problems.put("name", "name must be 1 to 64 characters");
        }
        scopeProblem(owner).ifPresent(problem -> problems.put("scopes", problem));
        Instant expiry = parse(expiresAt);
        if (expiry == null) {
            problems.put("expiresAt", "expiresAt must be an ISO-8601 time, e.g. 2027-01-31T00:00:00Z");
        } else if (!expiry.isAfter(now)) {
            problems.put("expiresAt", "expiresAt must be in the future");
        } else if (expiry.isAfter(now.plus(maxLifetime))) {
            problems.put("expiresAt", "expiresAt must be at most " + maxLifetime.toDays() + " days from now");
        }
        return problems;
    }

    private java.util.Optional<String> scopeProblem(CurrentUser owner) {
        if (scopes == null || scopes.isEmpty()) {
            return java.util.Optional.of(
                    "choose at least one scope: requests:write, requests:read, decisions:write," + " audit:read");
        }
        for (String value : scopes) {
            java.util.Optional<TokenScope> scope = TokenScope.of(value);
            if (scope.isEmpty()) {
                return java.util.Optional.of(
                        value + " is not a scope; use requests:write, requests:read, decisions:write or audit:read");
            }
            if (!ApiTokenService.mayHold(owner, scope.get())) {
                return java.util.Optional.of(value + " needs a role you do not have");
            }
        }
        return java.util.Optional.empty();
    }

    private static @Nullable Instant parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            // not a time with an offset
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
