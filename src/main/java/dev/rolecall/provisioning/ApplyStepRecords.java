package dev.rolecall.provisioning;

import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.RoleRequestApplyService;
import dev.rolecall.request.RoleRequestId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Records an apply job's steps in order, each with its own statement, on a thread beside the job,
 * so that the job's next IAM call does not wait for the previous call's record. The job waits for
 * every record before it ends the request (APPLIED or FAILED), so each step is in the database
 * before the outcome, exactly as before; what a crash can lose is unchanged (a call made but not
 * yet recorded, which the job that resumes makes again: every call is idempotent against the live
 * role). A record that fails (the request is no longer applying, the database is unreachable)
 * stops the job at its next step or at its end, with that failure.
 */
@Component
class ApplyStepRecords implements DisposableBean {

    private final RoleRequestApplyService requests;
    private final ExecutorService writers;

    ApplyStepRecords(RoleRequestApplyService requests) {
        this.requests = requests;
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "apply-step-record-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The records of one run of one request's job. */
    Job of(RoleRequestId id) {
        return new Job(id);
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }

    /** One job's records, written one after the other in the order they were given. */
    final class Job {

        private final RoleRequestId id;
        private CompletableFuture<Void> written = CompletableFuture.completedFuture(null);

        private Job(RoleRequestId id) {
            this.id = id;
        }

        RoleRequestId id() {
            return id;
        }

        /**
         * Queues the step behind the job's earlier ones.
         *
         * @throws RuntimeException the failure of an earlier record, if one failed
         */
        void record(ApplyStepRecord step) {
            if (written.isCompletedExceptionally()) {
                awaitWritten();
            }
            written = written.thenRunAsync(() -> requests.recordApplyStep(id, step), writers);
        }

        /**
         * Waits until every step queued so far is recorded.
         *
         * @throws RuntimeException the first record's failure, as the record threw it
         */
        void awaitWritten() {
            try {
                written.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }
}
