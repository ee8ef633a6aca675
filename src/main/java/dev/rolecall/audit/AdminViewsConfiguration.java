package dev.rolecall.audit;

import dev.rolecall.request.RoleRequestService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link AdminViews} in front of every page and API call. Declared here rather than as
 * components, so controller slice tests, which have no audit trail, leave it out.
 */
@Configuration(proxyBeanMethods = false)
class AdminViewsConfiguration {

    @Bean
    AdminViews adminViews(AuditService audit, RoleRequestService requests, Clock clock) {
        return new AdminViews(audit, requests, clock);
    }

    @Bean
    WebMvcConfigurer adminViewsInterceptor(AdminViews adminViews) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // Only where it records something: a static file must not read the sign-in session.
                registry.addInterceptor(adminViews).addPathPatterns(AdminViews.WATCHED);
            }
        };
    }
}
