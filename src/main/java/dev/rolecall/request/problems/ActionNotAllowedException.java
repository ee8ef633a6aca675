package dev.rolecall.request.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The person may not do this to this request, whatever the page showed them. Maps to 403; the API
 * names the {@code reason}, a page shows {@code action.denied.<reason>}.
 */
public class ActionNotAllowedException extends RequestException {

    /** Why; each has a message key {@code action.denied.<reason>} and is the API's stable reason. */
    public enum Reason {
        /** A requester never decides on their own request. */
        OWN_REQUEST,
        /** Only reviewers decide. */
        NOT_A_REVIEWER,
        /** Only the requester withdraws or revises a request. */
        NOT_THE_REQUESTER,
        /** Only the requester, a reviewer or an admin retries a failed apply. */
        CANNOT_RETRY,
        /** Only the requester, a reviewer or an admin rolls back a failed apply. */
        CANNOT_ROLL_BACK,
        /** Only the requester and reviewers comment on a request. */
        CANNOT_COMMENT,
        /** Only members of the groups the waiting review stage names decide on it. */
        NOT_IN_WAITING_STAGE,
        /** One person approves one stage of a revision, never two. */
        ALREADY_APPROVED,
        /** A reviewer who edited the request is never the only approver of their own edit. */
        OWN_EDIT,
        /** Only admins adopt a role that exists in AWS (an IMPORT request). */
        ADMINS_ONLY
    }

    private final Reason reason;

    public ActionNotAllowedException(Reason reason) {
        this(reason, message(reason));
    }

    private ActionNotAllowedException(Reason reason, String message) {
        super(message, body(reason, message), "action.denied." + reason.name(), null);
        this.reason = reason;
    }

    private static String message(Reason reason) {
        return switch (reason) {
            case OWN_REQUEST -> "you cannot decide on a request you filed";
            case NOT_A_REVIEWER -> "only reviewers decide on requests";
            case NOT_THE_REQUESTER -> "only the requester can do this";
            case CANNOT_RETRY -> "only the requester, a reviewer or an admin can retry";
            case CANNOT_ROLL_BACK -> "only the requester, a reviewer or an admin can roll back";
            case CANNOT_COMMENT -> "only the requester and reviewers comment on a request";
            case NOT_IN_WAITING_STAGE -> "only members of the groups the waiting stage names decide on it";
            case ALREADY_APPROVED -> "you already approved a stage of this revision";
            case OWN_EDIT -> "you edited this revision: another reviewer must approve it too";
            case ADMINS_ONLY -> "only admins adopt roles from AWS";
        };
    }

    private static ProblemDetail body(Reason reason, String message) {
        ProblemDetail body = problem(HttpStatus.FORBIDDEN, message);
        body.setProperty("reason", reason.name());
        return body;
    }

    public Reason reason() {
        return reason;
    }
}
