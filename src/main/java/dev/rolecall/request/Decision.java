package dev.rolecall.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision on one revision of a request, or a comment that decides nothing (then
 * {@code reviewer} is whoever wrote it, the requester included); part of the {@link RoleRequest} aggregate.
 */
@Entity
@Table(name = "role_request_decision")
class Decision {

    @Id
    private UUID id;

    private String reviewer;

    @Enumerated(EnumType.STRING)
    private DecisionType decision;

    @Column(name = "decision_comment")
    private @Nullable String comment;

    private int revision;

    private Instant decidedAt;

    private @Nullable Integer stage;

    protected Decision() {}

    Decision(String reviewer, DecisionType decision, @Nullable String comment, int revision, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.reviewer = reviewer;
        this.decision = decision;
        this.comment = comment;
        this.revision = revision;
        this.decidedAt = decidedAt;
    }

    /** An approval that counts towards one stage of the revision's route. */
    Decision(
            String reviewer,
            DecisionType decision,
            @Nullable String comment,
            int revision,
            Instant decidedAt,
            int stage) {
        this(reviewer, decision, comment, revision, decidedAt);
        this.stage = stage;
    }

    @Nullable
    Integer stage() {
        return stage;
    }

    RoleRequestView.DecisionView toView() {
        return new RoleRequestView.DecisionView(reviewer, decision, comment, revision, decidedAt);
    }

    String reviewer() {
        return reviewer;
    }

    int revision() {
        return revision;
    }

    DecisionType decision() {
        return decision;
    }
}
