package dev.rolecall.identity;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sign-in throttling's buckets live in PostgreSQL ({@code sign_in_bucket}), so every Rolecall
 * instance on the same database counts the same failures: Bucket4j locks a bucket's row
 * ({@code SELECT … FOR UPDATE}) while it spends a token. A bucket's row expires once the bucket
 * is full again, and a scheduled sweep deletes expired rows in bounded batches.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SignInThrottleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottleConfiguration.class);

    static final int SWEEP_BATCH = 1000;
    static final int SWEEP_BATCHES = 20;

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> signInBuckets(DataSource dataSource, Clock clock) {
        return buckets(dataSource, clock);
    }

    @Bean
    SignInThrottle signInThrottle(
            PostgreSQLSelectForUpdateBasedProxyManager<String> signInBuckets, IdentityProperties properties) {
        return new SignInThrottle(signInBuckets, properties.signIn());
    }

    @Bean
    SignInBucketSweeper signInBucketSweeper(PostgreSQLSelectForUpdateBasedProxyManager<String> signInBuckets) {
        return new SignInBucketSweeper(signInBuckets);
    }

    /** The bucket store on {@code sign_in_bucket}, reading time from {@code clock}. */
    static PostgreSQLSelectForUpdateBasedProxyManager<String> buckets(DataSource dataSource, Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("sign_in_bucket")
                .idColumn("bucket_key")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    /** Deletes the rows of buckets that are full again. */
    static final class SignInBucketSweeper {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        SignInBucketSweeper(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void sweep() {
            try {
                for (int batch = 0; batch < SWEEP_BATCHES; batch++) {
                    if (buckets.removeExpired(SWEEP_BATCH) < SWEEP_BATCH) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                log.warn("could not delete expired sign-in buckets; will try again", e);
            }
        }
    }

    /** Bucket4j's clock is the application's {@link Clock}. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
