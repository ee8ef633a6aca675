package dev.rolecall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.rolecall.test.TestDatabase;
import dev.rolecall.test.UsesTestDatabase;
import jakarta.servlet.ServletException;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A real pool with its one connection taken: the next request waits the pool's timeout and is
 * answered 503 with Retry-After; other failures are left to the error pages as they were.
 */
@UsesTestDatabase
class DatabaseBusyFilterTests {

    private final DatabaseBusyFilter filter = new DatabaseBusyFilter();

    private static HikariDataSource onePool() {
        TestDatabase.Connection db = TestDatabase.connection();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.username());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(1);
        pool.setConnectionTimeout(250);
        return pool;
    }

    @Test
    void anExhaustedPoolIsA503WithRetryAfterOnPagesAndTheApi() throws Exception {
        try (HikariDataSource pool = onePool();
                Connection held = pool.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            for (String path : new String[] {"/requests", "/api/v1/role-requests"}) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                filter.doFilter(new MockHttpServletRequest("GET", path), response, (request, ignored) -> {
                    JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single();
                });
                assertThat(response.getStatus()).isEqualTo(503);
                assertThat(response.getHeader("Retry-After")).isEqualTo("1");
            }
        }
    }

    @Test
    void theTimeoutIsFoundUnderTheServletsWrapping() throws Exception {
        try (HikariDataSource pool = onePool();
                Connection held = pool.getConnection()) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/audit"), response, (request, ignored) -> {
                try {
                    JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single();
                } catch (CannotGetJdbcConnectionException e) {
                    throw new ServletException("Request processing failed: " + e, e);
                }
            });
            assertThat(response.getStatus()).isEqualTo(503);
        }
    }

    @Test
    void otherFailuresAreNotTurnedInto503s() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/requests"), response, (r, s) -> {
                    throw new IllegalStateException("a bug");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(response.getHeader("Retry-After")).isNull();
    }
}
