package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list pages' statements are planned with their values on every run: the driver never prepares
 * them on the server, where PostgreSQL could settle on one generic plan for every value. Other
 * statements are prepared after five runs and may keep a plan.
 */
@RolecallIntegrationTest
class PlannedWithValuesTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aStatementRunTenTimesIsNeverPreparedOnTheServer() {
        assertThat(preparedOnTheServerAfterTenRuns(PlannedWithValues.jdbcClient(dataSource)))
                .isFalse();
    }

    @Test
    void anOrdinaryClientPreparesTheSameStatementOnTheServer() {
        assertThat(preparedOnTheServerAfterTenRuns(JdbcClient.create(dataSource)))
                .isTrue();
    }

    /** Runs one statement ten times on one connection and asks that connection what it has prepared. */
    private boolean preparedOnTheServerAfterTenRuns(JdbcClient client) {
        String marker = UUID.randomUUID().toString();
        String sql = "SELECT count(*) FROM audit_event WHERE actor = ? AND event_id > ? -- " + marker;
        Boolean prepared = new TransactionTemplate(transactions).execute(status -> {
            for (int run = 0; run < 10; run++) {
                client.sql(sql).params("bob", run).query(Long.class).single();
            }
            return JdbcClient.create(dataSource)
                            .sql("SELECT count(*) FROM pg_prepared_statements WHERE strpos(statement, ?) > 0")
                            .param(marker)
                            .query(Long.class)
                            .single()
                    > 0;
        });
        return Boolean.TRUE.equals(prepared);
    }
}
