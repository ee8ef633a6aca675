package dev.rolecall.identity;

import java.util.Map;

/** A service account was not created: by field, what to fix. */
final class InvalidServiceAccountException extends RuntimeException {

    private final transient Map<String, String> problems;

    InvalidServiceAccountException(Map<String, String> problems) {
        super("invalid service account: " + problems.keySet());
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    Map<String, String> problems() {
        return problems;
    }
}
