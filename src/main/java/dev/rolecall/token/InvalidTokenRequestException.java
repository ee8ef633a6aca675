package dev.rolecall.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A token request that cannot be granted; by field, what to fix. Nothing was created. */
class InvalidTokenRequestException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidTokenRequestException(Map<String, String> problems) {
        super("invalid token request: " + problems.keySet());
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    Map<String, String> problems() {
        return problems;
    }
}
