package dev.rolecall.inventory;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of the inventory that carries its own answer: the API returns the problem body, a page
 * shows the status with the message key. The message is for the log only.
 */
class InventoryException extends ErrorResponseException {

    private final String message;

    private InventoryException(String message, HttpStatus status, String detail, @Nullable String pageKey) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null, pageKey, null);
        this.message = message;
    }

    /** No such role, or one the caller may not see: both look the same from outside. */
    static InventoryException notFound(String accountId, String roleName) {
        return new InventoryException(
                "role " + accountId + "/" + roleName + " not found", HttpStatus.NOT_FOUND, "No such role.", null);
    }

    /** The caller may see the role but not do this to it. */
    static InventoryException forbidden(String message, String pageKey) {
        return new InventoryException(message, HttpStatus.FORBIDDEN, "You may not do this.", pageKey);
    }

    /** The role is not in a state that allows this. */
    static InventoryException conflict(String message, String pageKey) {
        return new InventoryException(
                message, HttpStatus.CONFLICT, "The role is not in a state that allows this.", pageKey);
    }

    @Override
    public String getMessage() {
        return message;
    }
}
