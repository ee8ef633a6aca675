package dev.rolecall.token;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No token with this id that the person asking may see. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TokenNotFoundException extends RuntimeException {

    TokenNotFoundException(UUID id) {
        super("no token " + id);
    }

    /** No service account by this name. */
    TokenNotFoundException(String serviceAccount) {
        super("no service account " + serviceAccount);
    }
}
