package dev.rolecall.identity;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sign-in sessions live in PostgreSQL (Spring Session JDBC), read on every request. Spring Session
 * also writes every request's access time back to the session's row, and so commits a write, with
 * its flush to disk, per page view; concurrent requests of one person queue on that row's lock. Here
 * the row is updated only when something besides the access time changed (a new session id after
 * sign-in, another principal, another timeout) or when the stored access time is a minute old or
 * more: a session may then end up to a minute before its idle timeout, never after it.
 *
 * <p>Two requests of one session may also both add the same attribute (the CSRF token that the
 * first pages after sign-in create): the later insert replaces the earlier value instead of failing
 * the request.
 */
@Configuration(proxyBeanMethods = false)
class SessionWriteConfiguration {

    /** How stale the stored access time may get before a request writes it again, in milliseconds. */
    static final long ACCESS_TIME_PRECISION_MILLIS = 60_000;

    /**
     * Spring Session's update, with the same parameters in the same order, skipping the write when
     * only the access time moved by less than {@link #ACCESS_TIME_PRECISION_MILLIS}.
     */
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %TABLE_NAME% S
            SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
                MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
                PRINCIPAL_NAME = V.PRINCIPAL_NAME
            FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
                         CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
                         CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME) V
            WHERE S.PRIMARY_ID = ?
              AND (S.SESSION_ID <> V.SESSION_ID
                   OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
                   OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
                   OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= %PRECISION%)
            """.replace("%PRECISION%", Long.toString(ACCESS_TIME_PRECISION_MILLIS));

    /** Spring Session's attribute insert, replacing a value another request of the session added meanwhile. */
    static final String CREATE_SESSION_ATTRIBUTE_QUERY = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    /**
     * Sets the queries once the repository is built: Boot's own customizer sets the table name, which
     * rebuilds every query, and a customizer of ours could run before it.
     */
    @Bean
    static BeanPostProcessor sessionUpdateQuery() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository repository) {
                    repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
                    repository.setCreateSessionAttributeQuery(CREATE_SESSION_ATTRIBUTE_QUERY);
                }
                return bean;
            }
        };
    }
}
