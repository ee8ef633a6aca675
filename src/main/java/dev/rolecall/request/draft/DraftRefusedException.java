package dev.rolecall.request.draft;

/**
 * A draft that is not kept: the person has too many, or the form is far larger than any request.
 * The form shows the message {@link #messageKey()} as an error above it; nothing is saved.
 */
public class DraftRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    DraftRefusedException(String message, String messageKey, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
