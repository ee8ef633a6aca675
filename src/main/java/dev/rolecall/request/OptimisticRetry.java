package dev.rolecall.request;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private OptimisticRetry() {}

    /**
     * The result of the first attempt that commits.
     *
     * @param transaction reads, changes and saves the request in a transaction of its own
     * @throws OptimisticLockingFailureException if every attempt lost its race
     */
    static <T> T run(String what, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("{} outcome=changed-meanwhile attempt={}: reading the request again", what, attempt);
            }
        }
    }
}
