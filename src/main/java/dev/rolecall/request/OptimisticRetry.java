package dev.rolecall.request;

import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a transaction that changes one request again when another transaction changed that request
 * between its read and its write. Only for changes that do not depend on what the loser read: each
 * attempt reads the request afresh, and the aggregate checks its rules again on what it finds.
 */
final class OptimisticRetry {

    /** How often a change is tried before the conflict reaches the caller. */
    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(OptimisticRetry.class);

    /** At once again: the winner has committed, so the next read sees what it changed. */
    private static final RetryTemplate TEMPLATE = template();

    private OptimisticRetry() {}

    /**
     * The result of the first attempt that commits.
     *
     * @param transaction reads, changes and saves the request in a transaction of its own
     * @throws OptimisticLockingFailureException if every attempt lost its race
     */
    static <T> T run(String what, Supplier<T> transaction) {
        try {
            return Objects.requireNonNull(TEMPLATE.execute(new Retryable<T>() {
                @Override
                public T execute() {
                    return transaction.get();
                }

                @Override
                public String getName() {
                    return what;
                }
            }));
        } catch (RetryException e) {
            // The last attempt's own exception: the conflict, or a failure that is never retried.
            Throwable last = e.getCause();
            if (last instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(last);
        }
    }

    private static RetryTemplate template() {
        RetryTemplate template = new RetryTemplate(RetryPolicy.builder()
                .includes(OptimisticLockingFailureException.class)
                .maxRetries(ATTEMPTS - 1)
                .delay(Duration.ZERO)
                .build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                log.info(
                        "{} outcome=changed-meanwhile attempt={}: reading the request again",
                        retryable.getName(),
                        state.getRetryCount());
            }
        });
        return template;
    }
}
