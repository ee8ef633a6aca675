package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestView.ApplyStepView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page says whether an apply or a rollback stopped a failed request. */
class RoleRequestViewFailureTests {

    private static final Instant AT = Instant.parse("2026-12-02T04:00:00Z");

    private static ApplyStepView step(int position, String call, ApplyStepStatus status) {
        return new ApplyStepView(position, call, "{}", status, null, null, AT, 1);
    }

    private static RoleRequestView failed(List<ApplyStepView> steps) {
        RoleRequestView base = RoleRequestViews.alices(RoleRequestStatus.FAILED, 1, RoleSpecs.valid());
        return new RoleRequestView(
                base.id(),
                base.status(),
                base.requester(),
                base.requesterTeam(),
                base.revision(),
                base.spec(),
                base.justification(),
                base.decisions(),
                null,
                steps,
                false,
                "NoSuchEntity",
                "AttachRolePolicy failed",
                base.riskLevel(),
                base.topFindingCode(),
                base.riskReason(),
                base.createdAt(),
                base.updatedAt(),
                base.version(),
                RequestKind.CREATE,
                null);
    }

    @Test
    void anApplyThatStoppedIsNotARollbackFailure() {
        List<ApplyStepView> steps = List.of(
                step(1, "CreateRole", ApplyStepStatus.SUCCEEDED), step(2, "AttachRolePolicy", ApplyStepStatus.FAILED));

        assertThat(failed(steps).rollbackFailed()).isFalse();
    }

    @Test
    void aRollbackThatStoppedAfterAFailedApplyIsARollbackFailure() {
        List<ApplyStepView> steps = new ArrayList<>(List.of(
                step(1, "CreateRole", ApplyStepStatus.SUCCEEDED),
                step(2, "AttachRolePolicy", ApplyStepStatus.FAILED),
                step(3, "DeleteRole", ApplyStepStatus.FAILED)));

        assertThat(failed(steps).rollbackFailed()).isTrue();

        steps.set(2, step(3, "DetachRolePolicy", ApplyStepStatus.FAILED));
        assertThat(failed(steps).rollbackFailed()).isTrue();
    }

    @Test
    void onlyAFailedRequestCanHaveAFailedRollback() {
        RoleRequestView applied = RoleRequestViews.alices(RoleRequestStatus.APPLIED, 1, RoleSpecs.valid());

        assertThat(applied.rollbackFailed()).isFalse();
    }
}
