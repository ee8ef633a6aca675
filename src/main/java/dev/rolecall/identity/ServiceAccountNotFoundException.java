package dev.rolecall.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No service account (or person) has this name. */
@ResponseStatus(HttpStatus.NOT_FOUND)
final class ServiceAccountNotFoundException extends RuntimeException {

    ServiceAccountNotFoundException(String name) {
        super("no service account or person named " + name);
    }
}
