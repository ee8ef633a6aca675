package dev.rolecall.request.problems;

import org.springframework.http.HttpStatus;

/** Someone else changed the request after the caller read it. Maps to 409; a page shows {@code conflict.stale}. */
public class StaleRequestException extends RequestException {

    public StaleRequestException() {
        super(
                "the request changed since it was read",
                problem(HttpStatus.CONFLICT, "Someone else acted on this request first; read it again."),
                "conflict.stale",
                null);
    }
}
