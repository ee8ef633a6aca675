package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class RolecallApplicationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheSharedTestPostgresWithFlywaySchema() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                .isGreaterThanOrEqualTo(170000);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(2);
        assertThat(TestDatabase.connection().url()).contains("jdbc:postgresql://");
    }
}
