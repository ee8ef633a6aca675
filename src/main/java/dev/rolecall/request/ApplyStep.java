package dev.rolecall.request;

import dev.rolecall.request.spec.RoleSpecConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded IAM call of a request; part of the {@link RoleRequest} aggregate. */
@Entity
@Table(name = "role_request_apply_step")
class ApplyStep {

    @Id
    private UUID id;

    private int position;

    @Column(name = "call_name")
    private String call;

    private String parametersJson;

    @Enumerated(EnumType.STRING)
    private ApplyStepStatus status;

    private @Nullable String errorCode;

    private @Nullable String errorMessage;

    private int attempts;

    private Instant recordedAt;

    protected ApplyStep() {}

    ApplyStep(int position, ApplyStepRecord step, String parametersJson, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.position = position;
        this.call = step.call();
        this.parametersJson = parametersJson;
        this.status = step.status();
        this.errorCode = step.errorCode();
        this.errorMessage = step.errorMessage();
        this.attempts = step.attempts();
        this.recordedAt = recordedAt;
    }

    boolean succeeded() {
        return status == ApplyStepStatus.SUCCEEDED;
    }

    @SuppressWarnings("unchecked")
    ApplyStepRecord toRecord() {
        return new ApplyStepRecord(
                call,
                RoleSpecConverter.JSON.readValue(parametersJson, Map.class),
                status,
                errorCode,
                errorMessage,
                attempts);
    }

    RoleRequestView.ApplyStepView toView() {
        return new RoleRequestView.ApplyStepView(
                position, call, parametersJson, status, errorCode, errorMessage, recordedAt, attempts);
    }
}
