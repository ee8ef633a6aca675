package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RolecallIntegrationTest
class RolecallApplicationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Test
    void runsOnTheSharedTestPostgresWithFlywaySchema() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                .isGreaterThanOrEqualTo(170000);
        assertThat(flyway.info().applied()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(TestDatabase.connection().url()).contains("jdbc:postgresql://");
    }

    @Test
    void migratesAsTheOwnerAndRunsAsTheRoleThatOwnsNothing() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("rolecall_app");
        assertThat(jdbc.queryForObject(
                        "select tableowner from pg_tables where tablename = 'role_request'", String.class))
                .isEqualTo("rolecall_owner");
    }
}
