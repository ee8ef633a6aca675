package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.provisioning.IamCall.PutRolePolicy;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.test.TestDatabase;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-account IAM call budget on real PostgreSQL: two consoles (two proxy managers on one
 * database) spend one account's tokens, with a clock the test moves; nothing here waits.
 */
class IamRateLimitsTests {

    static DriverManagerDataSource dataSource;

    final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    @BeforeAll
    static void database() {
        TestDatabase.Connection connection = TestDatabase.connection();
        // As the console: Flyway migrates as the schema's owner, the limits run as the runtime role.
        Flyway.configure()
                .dataSource(connection.url(), connection.ownerUsername(), connection.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_user", connection.username()))
                .load()
                .migrate();
        dataSource = new DriverManagerDataSource(connection.url(), connection.username(), connection.password());
    }

    @BeforeEach
    void fullBuckets() {
        new JdbcTemplate(dataSource).update("DELETE FROM iam_rate_bucket");
    }

    @Test
    void twoConsolesSpendOneBudgetPerAccount() {
        Bucket consoleA = new IamRateLimits(dataSource, 10, clock).bucket("444455556666");
        Bucket consoleB = new IamRateLimits(dataSource, 10, clock).bucket("444455556666");

        int spent = 0;
        for (int i = 0; i < 10; i++) {
            spent += (consoleA.tryConsume(1) ? 1 : 0) + (consoleB.tryConsume(1) ? 1 : 0);
        }

        assertThat(spent)
                .as("calls allowed in one second through both consoles")
                .isEqualTo(10);
        assertThat(consoleA.getAvailableTokens()).isZero();
        assertThat(consoleB.getAvailableTokens()).isZero();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM iam_rate_bucket", Integer.class))
                .isEqualTo(1);
    }

    /**
     * A job takes its plan's turns in one bucket operation; its calls then spend no more tokens,
     * and a call beyond the reservation waits its own turn. The calls go to a closed port: each
     * fails at once, after its turn was taken.
     */
    @Test
    void aSessionTakesItsPlansTurnsInOneGoAndItsCallsSpendNoMore() {
        IamRateLimits limits = new IamRateLimits(dataSource, 10, clock);
        ProvisioningProperties properties =
                new ProvisioningProperties(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5), 10);
        TargetAccount account = new TargetAccount(
                "444455556666",
                "payments-dev",
                "dev",
                "eu-west-1",
                URI.create("http://127.0.0.1:9"),
                null,
                null,
                ApplyMode.APPLY,
                4096,
                20,
                false);
        Bucket bucket = limits.bucket(account.id());
        PutRolePolicy put =
                new PutRolePolicy("reader", "read", JsonMapper.builder().build().createObjectNode());

        try (IamGateway gateway = new IamGateway(
                        properties, List.of(), new ProvisioningMetrics(new SimpleMeterRegistry()), limits);
                IamSession session = gateway.open(account, new RoleRequestId(UUID.randomUUID()))) {
            session.reserveTurns(3);
            assertThat(bucket.getAvailableTokens()).isEqualTo(7);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> session.putRolePolicy(put)).isInstanceOf(IamCallFailedException.class);
            }
            assertThat(bucket.getAvailableTokens())
                    .as("the reserved turns were used")
                    .isEqualTo(7);

            assertThatThrownBy(() -> session.putRolePolicy(put)).isInstanceOf(IamCallFailedException.class);
            assertThat(bucket.getAvailableTokens())
                    .as("a call beyond them takes its own")
                    .isEqualTo(6);

            nanos.addAndGet(1_000_000_000L);
            session.reserveTurns(25);
            assertThat(bucket.getAvailableTokens())
                    .as("never more than a bucket's worth")
                    .isZero();
        }
    }

    @Test
    void theBudgetRefillsAtTheConfiguredRateAndEachAccountHasItsOwn() {
        Bucket consoleA = new IamRateLimits(dataSource, 10, clock).bucket("444455556666");
        Bucket consoleB = new IamRateLimits(dataSource, 10, clock).bucket("444455556666");
        Bucket otherAccount = new IamRateLimits(dataSource, 10, clock).bucket("111122223333");
        assertThat(consoleA.tryConsume(10)).isTrue();

        assertThat(consoleB.tryConsume(1)).isFalse();
        assertThat(otherAccount.tryConsume(10)).isTrue();
        nanos.addAndGet(300_000_000L);
        assertThat(consoleB.getAvailableTokens()).isEqualTo(3);
        assertThat(consoleB.tryConsume(3)).isTrue();
        assertThat(consoleA.tryConsume(1)).isFalse();
    }
}
