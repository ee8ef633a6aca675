package dev.rolecall.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Overload is a 503 with {@code Retry-After}, never a 500: when every database connection stayed
 * busy for the pool's connection timeout (a short wait, {@code spring.datasource.hikari.connection-timeout}),
 * the request is answered "try again in a second" by the status page or, under {@code /api/}, a
 * problem response. Outermost filter, so it also covers filters that read the database (sign-in
 * throttling, sessions). Nothing was changed: the request never got a connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseBusyFilter extends OncePerRequestFilter {

    /** Seconds a client should wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusyFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            SQLTransientConnectionException busy = poolTimeout(e);
            if (busy == null || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "database busy, answered 503: {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    busy.getMessage());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /** The pool's "no connection within the timeout", wherever it is in the chain of causes. */
    static @Nullable SQLTransientConnectionException poolTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
