package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The throttle on real PostgreSQL through Bucket4j, with a clock the test moves: nothing here
 * waits or measures time.
 */
class SignInThrottleTests {

    static DriverManagerDataSource dataSource;

    final MovableClock clock = new MovableClock();
    SignInThrottle throttle;

    @BeforeAll
    static void database() {
        TestDatabase.Connection connection = TestDatabase.connection();
        // As the console: Flyway migrates as the schema's owner, the throttle runs as the runtime role.
        Flyway.configure()
                .dataSource(connection.url(), connection.ownerUsername(), connection.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_user", connection.username()))
                .load()
                .migrate();
        dataSource = new DriverManagerDataSource(connection.url(), connection.username(), connection.password());
    }

    @BeforeEach
    void emptyBuckets() {
        new JdbcTemplate(dataSource).update("DELETE FROM sign_in_bucket");
        throttle = new SignInThrottle(
                SignInThrottleConfiguration.buckets(dataSource, clock),
                new IdentityProperties.SignIn(5, 20, Duration.ofMinutes(15), 4));
    }

    @Test
    void fiveFailuresPassThenTheNameWaitsThreeMinutesAndTheWaitDoublesWithEachFurtherFailure() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.tryAttempt("alice", "192.0.2.1")).isEmpty();
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SignInThrottle.Refusal refusal =
                    throttle.tryAttempt("alice", "192.0.2.1").orElseThrow();
            assertThat(refusal.limit()).isEqualTo(SignInThrottle.Limit.NAME);
            waits.add(refusal.retryAfter().toSeconds());
            clock.advance(refusal.retryAfter());
            assertThat(throttle.tryAttempt("alice", "192.0.2.1"))
                    .as("after waiting as told")
                    .isEmpty();
        }
        assertThat(waits).containsExactly(180L, 180L, 360L, 720L, 1440L, 2880L, 2880L);
    }

    @Test
    void refusedAttemptsSpendNothingSoWaitingAsToldIsEnough() {
        failTimes("alice", "192.0.2.1", 5);
        Duration wait = throttle.tryAttempt("alice", "192.0.2.1").orElseThrow().retryAfter();
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.tryAttempt("alice", "192.0.2.1")).isPresent();
        }
        clock.advance(wait.minusSeconds(50));
        assertThat(throttle.tryAttempt("alice", "192.0.2.1")).isEmpty();
    }

    @Test
    void quietTimeRestoresTheAllowanceGradually() {
        failTimes("alice", "192.0.2.1", 5);
        clock.advance(Duration.ofMinutes(15));
        failTimes("alice", "192.0.2.1", 3);
        assertThat(throttle.tryAttempt("alice", "192.0.2.1")).isPresent();

        clock.advance(Duration.ofHours(4).plusMinutes(30));
        failTimes("alice", "192.0.2.1", 5);
    }

    @Test
    void anAddressIsRefusedAfterTwentyFailuresOverAllNamesAndOtherAddressesAreNot() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.tryAttempt("guess-" + i, "192.0.2.1")).isEmpty();
        }
        SignInThrottle.Refusal refusal =
                throttle.tryAttempt("someone-new", "192.0.2.1").orElseThrow();
        assertThat(refusal.limit()).isEqualTo(SignInThrottle.Limit.ADDRESS);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(throttle.tryAttempt("someone-new", "198.51.100.9")).isEmpty();
    }

    @Test
    void aRefusalByAddressDoesNotSpendTheNamesTry() {
        for (int i = 0; i < 20; i++) {
            throttle.tryAttempt("guess-" + i, "192.0.2.1");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAttempt("bob", "192.0.2.1")).isPresent();
        }
        failTimes("bob", "198.51.100.9", 5);
    }

    @Test
    void aRightPasswordClearsTheNameButNotTheFailuresOtherNamesHadFromTheAddress() {
        failTimes("alice", "192.0.2.1", 4);
        for (int i = 0; i < 15; i++) {
            throttle.tryAttempt("guess-" + i, "192.0.2.1");
        }
        assertThat(throttle.tryAttempt("alice", "192.0.2.1")).isEmpty();
        throttle.succeeded("alice", "192.0.2.1");

        failTimes("alice", "198.51.100.9", 5); // alice starts afresh
        assertThat(throttle.tryAttempt("mallory", "192.0.2.1"))
                .as("the 20th failure")
                .isEmpty();
        assertThat(throttle.tryAttempt("mallory", "192.0.2.1").map(SignInThrottle.Refusal::limit))
                .hasValue(SignInThrottle.Limit.ADDRESS);
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.tryAttempt("guess-" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1)))
                    .isEmpty();
        }
        assertThat(throttle.tryAttempt("guess", "2001:db8:1:2:ffff::1")).isPresent();
        assertThat(throttle.tryAttempt("guess", "2001:db8:1:3::1")).isEmpty();
    }

    @Test
    void bucketsAreKeptUnderDigestsAndExpireOnceFull() {
        long before = System.currentTimeMillis();
        failTimes("alice@example.com", "192.0.2.1", 1);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> keys = jdbc.queryForList("SELECT bucket_key FROM sign_in_bucket", String.class);
        assertThat(keys)
                .hasSize(2)
                .allSatisfy(key -> assertThat(key)
                        .doesNotContain("alice")
                        .doesNotContain("192.0.2.1")
                        .hasSizeLessThanOrEqualTo(80));
        Long expiresAt = jdbc.queryForObject("SELECT max(expires_at) FROM sign_in_bucket", Long.class);
        // Bucket4j stamps expiry in wall-clock milliseconds: the slowest limit refills the spent try
        // in 48 minutes, plus a minute's grace.
        assertThat(expiresAt)
                .isBetween(
                        before + Duration.ofMinutes(49).toMillis(),
                        System.currentTimeMillis() + Duration.ofMinutes(49).toMillis());

        throttle.succeeded("alice@example.com", "192.0.2.1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_bucket", Integer.class))
                .as("the name's bucket is gone; the address's is full and expiring")
                .isEqualTo(1);
    }

    @Test
    void theSweepDeletesExpiredBucketsAndKeepsTheRest() {
        failTimes("alice", "192.0.2.1", 1);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "INSERT INTO sign_in_bucket (bucket_key, state, expires_at) VALUES ('name:long-gone', NULL, ?)",
                System.currentTimeMillis() - 1);

        new SignInThrottleConfiguration.SignInBucketSweeper(SignInThrottleConfiguration.buckets(dataSource, clock))
                .sweep();

        assertThat(jdbc.queryForList("SELECT bucket_key FROM sign_in_bucket", String.class))
                .hasSize(2)
                .doesNotContain("name:long-gone");
    }

    private void failTimes(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            Optional<SignInThrottle.Refusal> refusal = throttle.tryAttempt(username, address);
            assertThat(refusal).as("attempt %d of %s", i + 1, username).isEmpty();
        }
    }

    /** A clock that moves only when told. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
