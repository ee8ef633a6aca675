package dev.rolecall.request;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends an apply or rollback step to a request with one SQL statement, without loading the
 * request: an apply job records a step after every IAM call, and reloading the aggregate (its
 * decisions, revisions and earlier steps) for each would cost more than the call itself. The
 * statement checks the rule the aggregate would check (steps are recorded only while APPLYING or
 * ROLLING_BACK), takes the next position, and touches the request's {@code updated_at}; the row
 * lock it takes on the request orders it with any other change to the request.
 *
 * <p>The request's state changes (APPLIED, FAILED, ROLLED_BACK) still go through the aggregate,
 * which reads these steps back and names them in the audit trail.
 */
@Repository
class ApplyStepLog {

    private static final String APPEND = """
            WITH request AS (
                UPDATE role_request SET updated_at = :now
                 WHERE id = :request AND status IN ('APPLYING', 'ROLLING_BACK')
                RETURNING id)
            INSERT INTO role_request_apply_step
                (id, request_id, position, call_name, parameters_json, status, error_code, error_message,
                 attempts, recorded_at)
            SELECT :id, request.id,
                   1 + coalesce((SELECT max(position) FROM role_request_apply_step WHERE request_id = request.id), 0),
                   :call, :parameters, :status, :errorCode, :errorMessage, :attempts, :now
              FROM request
            """;

    private final JdbcClient jdbc;

    ApplyStepLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Records one step, in the caller's transaction, without waiting for PostgreSQL to flush the
     * commit to disk ({@code synchronous_commit = off} for this transaction only). This is safe
     * because of what it can lose and what that costs. A console that dies loses nothing: the
     * commit is in PostgreSQL, which writes it out within a few hundred milliseconds on its own.
     * Only a crash of PostgreSQL itself (or its host) in that window can lose the last steps
     * recorded, and a lost step is a call made again: the job that resumes the request makes
     * every call not recorded as succeeded, and each call is idempotent against the live role
     * (CreateRole accepts a role carrying this request's tag; PutRolePolicy, AttachRolePolicy and
     * the rollback's removals leave the role as they found it when repeated). The request's state
     * changes keep the durable commit.
     *
     * @return whether the step was recorded: false when the request is not applying or rolling back
     */
    boolean append(RoleRequestId id, ApplyStepRecord step, String parametersJson, Instant now) {
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
        return jdbc.sql(APPEND)
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("request", id.value())
                        .param("id", UUID.randomUUID())
                        .param("call", step.call())
                        .param("parameters", parametersJson)
                        .param("status", step.status().name())
                        .param("errorCode", step.errorCode())
                        .param("errorMessage", step.errorMessage())
                        .param("attempts", step.attempts())
                        .update()
                == 1;
    }
}
