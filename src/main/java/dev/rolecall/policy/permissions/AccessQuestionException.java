package dev.rolecall.policy.permissions;

/** A "can this role …?" question that cannot be asked: a malformed action or resource. */
public class AccessQuestionException extends IllegalArgumentException {

    private final String field;

    public AccessQuestionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault: {@code action}, {@code resource} or {@code context}. */
    public String field() {
        return field;
    }
}
