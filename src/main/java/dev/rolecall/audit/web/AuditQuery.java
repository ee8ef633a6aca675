package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditFilter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit filters exactly as they arrive in the URL query, shared by the page, its CSV link and
 * the API. Times are ISO-8601 ({@code 2026-11-28T10:15:30Z}, any offset) or, as a
 * {@code datetime-local} input sends them, without an offset and read as UTC; a bare date means
 * the start of that day in UTC, and as {@code to} the whole day is included. An action, account id
 * or role name must have the form the trail writes them in.
 */
record AuditQuery(
        @Nullable String from,
        @Nullable String to,
        @Nullable String actor,
        @Nullable String requestId,
        @Nullable String action,
        @Nullable String accountId,
        @Nullable String roleName,
        @Nullable String older,
        @Nullable String newer,
        @Nullable String size) {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private static final Pattern SPACE_SEPARATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** One field that could not be read, with the message key that says why. */
    record Problem(String field, String messageKey) {}

    /** Filters by time, actor and request only. */
    AuditQuery(
            @Nullable String from,
            @Nullable String to,
            @Nullable String actor,
            @Nullable String requestId,
            @Nullable String older,
            @Nullable String newer,
            @Nullable String size) {
        this(from, to, actor, requestId, null, null, null, older, newer, size);
    }

    static AuditQuery empty() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    /**
     * The filter these parameters ask for.
     *
     * @throws InvalidAuditQueryException naming each field that could not be read
     */
    AuditFilter filter() {
        List<Problem> problems = new ArrayList<>();
        Instant start = time("from", from, false, problems);
        Instant end = time("to", to, true, problems);
        UUID request = null;
        if (!blank(requestId)) {
            try {
                request = UUID.fromString(requestId.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("requestId", "audit.filter.invalid.requestId"));
            }
        }
        checkForm("action", action, ACTION, problems);
        checkForm("accountId", accountId, ACCOUNT_ID, problems);
        checkForm("roleName", roleName, ROLE_NAME, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(new Problem("to", "audit.filter.invalid.range"));
        }
        if (!blank(older) && position(older) == null) {
            problems.add(new Problem("older", "audit.filter.invalid.position"));
        }
        if (!blank(newer) && position(newer) == null) {
            problems.add(new Problem("newer", "audit.filter.invalid.position"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAuditQueryException(this, problems);
        }
        return new AuditFilter(start, end, actor, request, action, accountId, roleName);
    }

    /** A field that is filled in but not in the form the trail writes it is a problem of that field. */
    private static void checkForm(String field, @Nullable String text, Pattern form, List<Problem> problems) {
        if (!blank(text) && !form.matcher(text.strip()).matches()) {
            problems.add(new Problem(field, "audit.filter.invalid." + field));
        }
    }

    boolean hasFilters() {
        return !filterParams().isEmpty();
    }

    /** The event id the page lists the events below, or {@code null} for the newest. */
    @Nullable
    Long olderThan() {
        return position(older);
    }

    /** The event id the page lists the events above, or {@code null}. */
    @Nullable
    Long newerThan() {
        return position(newer);
    }

    /** Whether this is a page other than the newest. */
    boolean isPaged() {
        return !blank(older) || !blank(newer);
    }

    /** An event id from a link: a positive whole number, else {@code null}. */
    private static @Nullable Long position(@Nullable String text) {
        if (blank(text)) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    int pageSize() {
        return Math.min(MAX_PAGE_SIZE, Math.max(10, number(size, DEFAULT_PAGE_SIZE)));
    }

    /** The same filters over a new time range, from the first page. */
    AuditQuery withRange(@Nullable Instant newFrom, @Nullable Instant newTo) {
        return new AuditQuery(
                newFrom == null ? null : AuditFilter.formatTime(newFrom),
                newTo == null ? null : AuditFilter.formatTime(newTo),
                actor,
                requestId,
                action,
                accountId,
                roleName,
                null,
                null,
                size);
    }

    /** The address of the newest page of these filters. */
    String link(String path) {
        return link(path, null, null);
    }

    /**
     * The address of a page of these filters: the events older than {@code olderThan}, or newer
     * than {@code newerThan}, or (with neither) the newest.
     */
    String link(String path, @Nullable Long olderThan, @Nullable Long newerThan) {
        Map<String, Object> params = filterParams();
        if (olderThan != null) {
            params.put("older", olderThan);
        } else if (newerThan != null) {
            params.put("newer", newerThan);
        }
        if (pageSize() != DEFAULT_PAGE_SIZE) {
            params.put("size", pageSize());
        }
        return address(path, params);
    }

    /** The address of these filters on another path, e.g. the CSV download; no paging. */
    String exportLink(String path) {
        return address(path, filterParams());
    }

    /** The filters as the form shows them again. */
    AuditFilterForm form() {
        return new AuditFilterForm(
                input(from, false),
                input(to, true),
                text(actor),
                text(requestId),
                text(action),
                text(accountId),
                text(roleName),
                pageSize() == DEFAULT_PAGE_SIZE ? "" : Integer.toString(pageSize()));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private Map<String, Object> filterParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        put(params, "from", from);
        put(params, "to", to);
        put(params, "actor", actor);
        put(params, "requestId", requestId);
        put(params, "action", action);
        put(params, "accountId", accountId);
        put(params, "roleName", roleName);
        return params;
    }

    private static void put(Map<String, Object> params, String name, @Nullable String value) {
        if (!blank(value)) {
            params.put(name, value.strip());
        }
    }

    /**
     * Each value is a URI variable, so it is encoded strictly: '+' too, which left bare would arrive
     * as a space.
     */
    private static String address(String path, Map<String, Object> params) {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath(path);
        params.keySet().forEach(name -> address.queryParam(name, "{" + name + "}"));
        return address.encode().buildAndExpand(params).toUriString();
    }

    private static String input(@Nullable String text, boolean upper) {
        if (blank(text)) {
            return "";
        }
        Instant parsed = parseTime(text, upper);
        return parsed == null ? text.strip() : INPUT.format(LocalDateTime.ofInstant(parsed, ZoneOffset.UTC));
    }

    private static @Nullable Instant time(String field, @Nullable String text, boolean upper, List<Problem> problems) {
        if (blank(text)) {
            return null;
        }
        Instant parsed = parseTime(text, upper);
        if (parsed == null) {
            problems.add(new Problem(field, "audit.filter.invalid.time"));
        }
        return parsed;
    }

    /**
     * Reads an ISO-8601 time; a bare date is the start of the day, or with {@code upper} the
     * start of the next day. {@code null} if unreadable.
     */
    static @Nullable Instant parseTime(String text, boolean upper) {
        String normal = SPACE_SEPARATED.matcher(text.strip()).replaceFirst("$1T$2");
        // A '+' of an offset arrives as a space when the query was not encoded.
        normal = normal.replace(' ', '+');
        try {
            return OffsetDateTime.parse(normal).toInstant();
        } catch (DateTimeException e) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(normal).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // not a local date-time
        }
        try {
            LocalDate date = LocalDate.parse(normal);
            return (upper ? date.plusDays(1) : date)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(@Nullable String text, int fallback) {
        if (blank(text)) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Contract("null -> true")
    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
