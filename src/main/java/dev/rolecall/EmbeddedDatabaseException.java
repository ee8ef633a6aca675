package dev.rolecall;

import org.jspecify.annotations.Nullable;

/**
 * The embedded database could not be started safely. Start-up stops with the description and the
 * action to take, not a stack trace ({@link EmbeddedDatabaseFailureAnalyzer}).
 */
class EmbeddedDatabaseException extends RuntimeException {

    private final String action;

    EmbeddedDatabaseException(String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    EmbeddedDatabaseException(String description, String action) {
        this(description, action, null);
    }

    String action() {
        return action;
    }
}
