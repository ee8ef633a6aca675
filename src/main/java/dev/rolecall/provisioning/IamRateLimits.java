package dev.rolecall.provisioning;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The IAM call budget of each target account, shared by every console on the database: one
 * Bucket4j token bucket per account in {@code iam_rate_bucket} (V31), holding
 * {@code calls-per-second} tokens and refilled at that rate. IAM's quotas are per account, so two
 * consoles together keep to the limit one console would. Each token spent is one short transaction
 * that locks the account's row; the table is unlogged, so it never waits for a disk flush.
 */
@Component
class IamRateLimits {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    @Autowired
    IamRateLimits(DataSource dataSource, ProvisioningProperties properties) {
        this(dataSource, properties.callsPerSecond(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** Buckets of {@code callsPerSecond} tokens, reading time from {@code clock} (tests move it). */
    IamRateLimits(DataSource dataSource, int callsPerSecond, TimeMeter clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("iam_rate_bucket")
                .idColumn("account_id")
                .stateColumn("state")
                .clientClock(clock)
                .build();
        this.configuration =
                BucketConfiguration.builder().addLimit(limit(callsPerSecond)).build();
    }

    /** The account's bucket; every console gets the same one. */
    Bucket bucket(String accountId) {
        return buckets.builder().build(accountId, () -> configuration);
    }

    /** The limit of one account: {@code callsPerSecond} calls, refilled evenly over each second. */
    static Bandwidth limit(int callsPerSecond) {
        return Bandwidth.builder()
                .capacity(callsPerSecond)
                .refillGreedy(callsPerSecond, Duration.ofSeconds(1))
                .build();
    }
}
