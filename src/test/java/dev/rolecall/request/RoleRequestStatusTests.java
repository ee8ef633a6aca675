package dev.rolecall.request;

import static dev.rolecall.request.RoleRequestStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleRequestStatusTests {

    /** The lifecycle of DESIGN.md, written out by hand: every legal move, nothing else. */
    private static final Map<RoleRequestStatus, Set<RoleRequestStatus>> LEGAL = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN)),
            Map.entry(SUBMITTED, EnumSet.of(IN_REVIEW, WITHDRAWN)),
            Map.entry(IN_REVIEW, EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, SUBMITTED)),
            Map.entry(CHANGES_REQUESTED, EnumSet.of(SUBMITTED, WITHDRAWN)),
            Map.entry(APPROVED, EnumSet.of(APPLYING, SUBMITTED)),
            Map.entry(APPLYING, EnumSet.of(APPLIED, FAILED, SUBMITTED)),
            Map.entry(FAILED, EnumSet.of(APPLYING, ROLLING_BACK)),
            Map.entry(ROLLING_BACK, EnumSet.of(ROLLED_BACK, FAILED)),
            Map.entry(ROLLED_BACK, EnumSet.noneOf(RoleRequestStatus.class)),
            Map.entry(APPLIED, EnumSet.of(EXPIRED, DRIFTED, DELETED)),
            Map.entry(DRIFTED, EnumSet.of(APPLYING, APPLIED)),
            Map.entry(REJECTED, EnumSet.noneOf(RoleRequestStatus.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(RoleRequestStatus.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(RoleRequestStatus.class)),
            Map.entry(DELETED, EnumSet.noneOf(RoleRequestStatus.class)));

    @Test
    void everyPairOfStatesIsLegalExactlyWhenTheLifecycleSaysSo() {
        assertThat(LEGAL).containsOnlyKeys(RoleRequestStatus.values());
        for (RoleRequestStatus from : RoleRequestStatus.values()) {
            for (RoleRequestStatus to : RoleRequestStatus.values()) {
                assertThat(from.canBecome(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyRequestsBeforeADecisionAreOpen() {
        assertThat(EnumSet.allOf(RoleRequestStatus.class).stream().filter(RoleRequestStatus::isOpen))
                .containsExactlyInAnyOrder(DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED);
    }

    @Test
    void onlyRequestsInReviewOrWaitingForChangesCanBeRevised() {
        assertThat(EnumSet.allOf(RoleRequestStatus.class).stream().filter(RoleRequestStatus::isRevisable))
                .containsExactlyInAnyOrder(IN_REVIEW, CHANGES_REQUESTED);
    }
}
