package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** A change that lost its race with another transaction is made again on the request as it is now. */
class OptimisticRetryTests {

    @Test
    void aChangeThatLostItsRaceOnceCommitsOnItsSecondAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        String result = OptimisticRetry.run("test", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ObjectOptimisticLockingFailureException(RoleRequest.class, "id");
            }
            return "confirmed";
        });

        assertThat(result).isEqualTo("confirmed");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aChangeThatLosesEveryAttemptReachesTheCallerAsTheConflict() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticRetry.run("test", () -> {
                    attempts.incrementAndGet();
                    throw new ObjectOptimisticLockingFailureException(RoleRequest.class, "id");
                }))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(attempts).hasValue(OptimisticRetry.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticRetry.run("test", () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("no");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
