package dev.rolecall.audit.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A range of event ids as a query gives it: both bounds optional and inclusive. */
record EventRange(@Nullable Long from, @Nullable Long to) {

    static EventRange parse(@Nullable String from, @Nullable String to) {
        Map<String, String> problems = new LinkedHashMap<>();
        Long start = id("fromEventId", from, problems);
        Long end = id("toEventId", to, problems);
        if (start != null && end != null && start > end) {
            problems.put("toEventId", "toEventId must not be below fromEventId");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRangeException(problems);
        }
        return new EventRange(start, end);
    }

    private static @Nullable Long id(String field, @Nullable String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(field, field + " must be an event id: a whole number from 1");
        return null;
    }

    /** Some bounds could not be read; by field, what to fix. */
    static final class InvalidRangeException extends RuntimeException {

        private final Map<String, String> problems;

        InvalidRangeException(Map<String, String> problems) {
            super("invalid event range: " + problems.keySet());
            this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }

        Map<String, String> problems() {
            return problems;
        }
    }
}
