package dev.rolecall.request.problems;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.spec.FieldProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A decision that needs a comment came without one; nothing was changed. The API answers 400 with
 * an error on the {@link #FIELD comment} field (its only mapping, built here), pages show {@code comment.required.<reason>} under it.
 */
public class CommentRequiredException extends RequestException {

    /** The field the problem is on, as named by the API and the decision form. */
    public static final String FIELD = "comment";

    /** Which decision needed the comment; each has a message key {@code comment.required.<reason>}. */
    public enum Reason {
        /** Rejecting tells the requester why. */
        REJECT,
        /** Asking for changes tells the requester what to change. */
        REQUEST_CHANGES,
        /** Approving a HIGH or CRITICAL request says why that access is acceptable. */
        HIGH_RISK_APPROVAL,
        /** A comment that decides nothing is its text. */
        COMMENT,
        /** Revoking an emergency after the fact says why. */
        REVOKE
    }

    private final Reason reason;
    private final @Nullable RiskLevel risk;

    public CommentRequiredException(DecisionType decision, @Nullable RiskLevel risk) {
        this(reasonFor(decision), risk);
    }

    /** A revocation of an emergency, after the fact, without the reason. */
    public static CommentRequiredException toRevoke() {
        return new CommentRequiredException(Reason.REVOKE, null);
    }

    private CommentRequiredException(Reason reason, @Nullable RiskLevel risk) {
        this(reason, risk, message(reason, risk));
    }

    private CommentRequiredException(Reason reason, @Nullable RiskLevel risk, String message) {
        super(message, validation(List.of(new FieldProblem(FIELD, message))));
        this.reason = reason;
        this.risk = risk;
    }

    private static String message(Reason reason, @Nullable RiskLevel risk) {
        return switch (reason) {
            case REJECT -> "is required to reject: tell the requester why";
            case REQUEST_CHANGES -> "is required to request changes: tell the requester what to change";
            case HIGH_RISK_APPROVAL ->
                "is required to approve a " + risk + "-risk request: say why this access is acceptable";
            case COMMENT -> "is required: write the comment to add";
            case REVOKE -> "is required to revoke: say why, for the requester and the audit trail";
        };
    }

    private static Reason reasonFor(DecisionType decision) {
        return switch (decision) {
            case APPROVE -> Reason.HIGH_RISK_APPROVAL;
            case REJECT -> Reason.REJECT;
            case REQUEST_CHANGES -> Reason.REQUEST_CHANGES;
            case COMMENT -> Reason.COMMENT;
        };
    }

    public Reason reason() {
        return reason;
    }

    /** The request's risk level when the comment was required, for the page's message. */
    public @Nullable RiskLevel risk() {
        return risk;
    }

    /** The problem as the API reports it, on the {@code comment} field. */
    public FieldProblem problem() {
        return new FieldProblem(FIELD, getMessage());
    }
}
