package dev.rolecall.policy.grammar;

import dev.rolecall.policy.model.SourcePosition;

/** The text is not JSON the reader accepts: malformed, too long or nested too deeply. */
public class JsonReadException extends RuntimeException {

    private final SourcePosition position;

    public JsonReadException(String message, SourcePosition position) {
        super(message);
        this.position = position;
    }

    /** Where reading stopped. */
    public SourcePosition position() {
        return position;
    }
}
