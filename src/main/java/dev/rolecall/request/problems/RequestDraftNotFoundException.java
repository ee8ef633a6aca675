package dev.rolecall.request.problems;

import org.springframework.http.HttpStatus;

/**
 * No such draft, or someone else's: a draft is private to its author, and both look the same from
 * outside. Maps to 404.
 */
public class RequestDraftNotFoundException extends RequestException {

    public RequestDraftNotFoundException(String id) {
        super("request draft " + id + " not found", problem(HttpStatus.NOT_FOUND, "No such draft."));
    }
}
