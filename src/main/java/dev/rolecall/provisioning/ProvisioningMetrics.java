package dev.rolecall.provisioning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Provisioning's Micrometer meters, shown by {@code /actuator/prometheus} as {@code rolecall_…}:
 * applies and rollbacks by account and outcome, and each IAM call's latency and retries by account
 * and action. The job gauges are {@link JobMetrics}.
 */
@Component
class ProvisioningMetrics {

    private final MeterRegistry registry;
    /** The IAM call timers by account, action and outcome: registered once, not looked up per call. */
    private final Map<List<String>, Timer> callTimers = new ConcurrentHashMap<>();

    ProvisioningMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An apply or rollback job ended: {@code applied}, {@code failed}, {@code rolled_back}, {@code rollback_failed}. */
    void jobEnded(String accountId, String outcome) {
        Counter.builder("rolecall.applies")
                .description("Apply and rollback jobs that ended, by target account and outcome")
                .tag("account", accountId)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** One IAM call (all its attempts): how long it took, whether it succeeded, and how often the SDK retried it. */
    void iamCall(String accountId, String action, boolean succeeded, Duration took, int attempts) {
        String outcome = succeeded ? "succeeded" : "failed";
        callTimers
                .computeIfAbsent(
                        List.of(accountId, action, outcome),
                        key -> Timer.builder("rolecall.iam.calls")
                                .description("IAM calls, retries included, by target account, action and outcome")
                                .tag("account", accountId)
                                .tag("action", action)
                                .tag("outcome", outcome)
                                .register(registry))
                .record(took);
        if (attempts > 1) {
            Counter.builder("rolecall.iam.retries")
                    .description("IAM call attempts the SDK retried (throttling, 5xx answers, network errors)")
                    .tag("account", accountId)
                    .tag("action", action)
                    .register(registry)
                    .increment(attempts - 1);
        }
    }
}
