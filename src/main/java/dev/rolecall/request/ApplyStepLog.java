package dev.rolecall.request;

import java.sql.Types;
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

    /**
     * The whole record in one statement, so that outside a transaction it is one round trip to
     * PostgreSQL and its own transaction: {@code set_config(..., true)} turns off the wait for the
     * disk flush for that transaction only.
     */
    private static final String APPEND = """
            WITH settings AS (SELECT set_config('synchronous_commit', 'off', true)),
                 request AS (
                     UPDATE role_request SET updated_at = :now
                      WHERE id = :request AND status IN ('APPLYING', 'ROLLING_BACK')
                     RETURNING id)
            INSERT INTO role_request_apply_step
                (id, request_id, position, call_name, parameters_json, status, error_code, error_message,
                 attempts, recorded_at)
            SELECT :id, request.id,
                   1 + coalesce((SELECT max(position) FROM role_request_apply_step WHERE request_id = request.id), 0),
                   :call, :parameters, :status, :errorCode, :errorMessage, :attempts, :now
              FROM request, settings
            """;

    private final JdbcClient jdbc;

    ApplyStepLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Records one step with one statement (in the caller's transaction if there is one, else in its
     * own), without waiting for PostgreSQL to flush the commit to disk ({@code synchronous_commit =
     * off} for this transaction only). This is safe
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
        return jdbc.sql(APPEND)
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("request", id.value())
                        .param("id", UUID.randomUUID())
                        .param("call", step.call())
                        .param("parameters", parametersJson)
                        .param("status", step.status().name())
                        // Typed, so that a null costs no round trip to ask PostgreSQL for its type.
                        .param("errorCode", step.errorCode(), Types.VARCHAR)
                        .param("errorMessage", step.errorMessage(), Types.VARCHAR)
                        .param("attempts", step.attempts())
                        .update()
                == 1;
    }
}
