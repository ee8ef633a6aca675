package dev.rolecall.request;

import dev.rolecall.request.review.StageView;
import dev.rolecall.routing.RouteStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stage of the route of one revision: who may approve it, how many must, and how long it may
 * wait. Opens when the stage before it passes; part of the {@link RoleRequest} aggregate.
 */
@Entity
@Table(name = "role_request_stage")
class ReviewStage {

    @Id
    private UUID id;

    private int revision;

    private int position;

    @Column(name = "reviewer_groups")
    private String[] groups;

    private int approvalsNeeded;

    private long slaSeconds;

    private @Nullable String escalationGroup;

    private @Nullable Instant openedAt;

    private @Nullable Instant dueAt;

    private @Nullable Instant passedAt;

    private @Nullable Instant overdueAt;

    protected ReviewStage() {}

    ReviewStage(int revision, int position, RouteStage stage) {
        this.id = UUID.randomUUID();
        this.revision = revision;
        this.position = position;
        this.groups = stage.groups().toArray(String[]::new);
        this.approvalsNeeded = stage.approvals();
        this.slaSeconds = stage.sla().toSeconds();
        this.escalationGroup = stage.escalationGroup();
    }

    void open(Instant now) {
        openedAt = now;
        dueAt = now.plus(Duration.ofSeconds(slaSeconds));
    }

    void pass(Instant now) {
        passedAt = now;
    }

    /** Marks the stage overdue once; false if it was already, or is no longer waiting. */
    boolean markOverdue(Instant now) {
        if (!waiting() || overdueAt != null || dueAt == null || now.isBefore(dueAt)) {
            return false;
        }
        overdueAt = now;
        return true;
    }

    boolean waiting() {
        return openedAt != null && passedAt == null;
    }

    boolean passed() {
        return passedAt != null;
    }

    /** Whether a member of these groups may decide on this stage. */
    boolean admits(Collection<String> memberOf) {
        return List.of(groups).stream().anyMatch(memberOf::contains);
    }

    int revision() {
        return revision;
    }

    int position() {
        return position;
    }

    int approvalsNeeded() {
        return approvalsNeeded;
    }

    List<String> groups() {
        return List.of(groups);
    }

    @Nullable
    Instant dueAt() {
        return dueAt;
    }

    @Nullable
    String escalationGroup() {
        return escalationGroup;
    }

    StageView toView(List<String> approvers) {
        return new StageView(
                position, groups(), approvalsNeeded, approvers, openedAt, dueAt, passedAt, overdueAt, escalationGroup);
    }
}
