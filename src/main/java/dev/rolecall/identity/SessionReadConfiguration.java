package dev.rolecall.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * A sign-in session is read from PostgreSQL once per request. Spring Session saves the session when
 * the response is committed (a page is, once it is flushed) and again when the request ends; that
 * second save forgets the session it read and reads it again (a query and the deserialisation of
 * every attribute) only to compare its id with the cookie's. Here a session read during a request is
 * remembered until the request ends, and a second read of the same id gets it back without a query.
 * A remembered session is forgotten when it is deleted (sign-out) and is not handed out once its id
 * has changed (a new id at sign-in): those reads go to the database as before. Nothing is remembered
 * across requests.
 */
@Configuration(proxyBeanMethods = false)
class SessionReadConfiguration {

    /** Runs just outside Spring Session's filter, so the request's reads are remembered for all of it. */
    static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

    @Bean
    static BeanPostProcessor sessionReadOncePerRequest() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice(new RememberedReads());
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> sessionReadScope() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(RememberedReads::scope);
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** The sessions read by the current request, by the id they were read with. */
    static final class RememberedReads implements MethodInterceptor {

        private static final ThreadLocal<@Nullable Map<String, Session>> READS = new ThreadLocal<>();

        /**
         * Remembers the reads of one request (the filter's body); a nested dispatch of the same
         * request (an error page) keeps the outer request's reads.
         */
        static void scope(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (READS.get() != null) {
                chain.doFilter(request, response);
                return;
            }
            READS.set(new HashMap<>(2));
            try {
                chain.doFilter(request, response);
            } finally {
                READS.remove();
            }
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            Map<String, Session> reads = READS.get();
            String method = invocation.getMethod().getName();
            boolean read = method.equals("findById");
            if (reads == null
                    || !(read || method.equals("deleteById"))
                    || !(invocation.getArguments()[0] instanceof String id)) {
                return invocation.proceed();
            }
            if (!read) {
                reads.remove(id);
                return invocation.proceed();
            }
            Session known = reads.get(id);
            if (known != null && known.getId().equals(id)) {
                return known;
            }
            Object found = invocation.proceed();
            if (found instanceof Session session) {
                reads.put(id, session);
            }
            return found;
        }
    }
}
