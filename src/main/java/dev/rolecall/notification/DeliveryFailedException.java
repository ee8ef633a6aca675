package dev.rolecall.notification;

/**
 * A channel did not take a message. The reason says what went wrong without the destination
 * (a webhook URL often holds a secret), so it may be logged and stored.
 */
class DeliveryFailedException extends RuntimeException {

    private final String reason;

    DeliveryFailedException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    DeliveryFailedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
