package dev.rolecall.request;

/** Someone else changed the request after the caller read it. Maps to 409. */
public class StaleRequestException extends RuntimeException {

    public StaleRequestException() {
        super("the request changed since it was read");
    }
}
