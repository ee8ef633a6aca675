package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.TestDatabase;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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
