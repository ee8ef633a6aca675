package dev.rolecall.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The files every page loads (style, scripts, icon) are served without reading the sign-in session.
 * Sessions live in PostgreSQL, and Spring MVC looks for a redirect's flash message in the session
 * of every request it serves, static files included: a page's stylesheet would then wait for a
 * database connection, and at a busy moment be answered 503, leaving the page unstyled. Flash
 * messages are only ever shown on pages, so static files skip the lookup.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration {

    /** Boot's static locations (/css, /js, /webjars, the icon…), as the security rules permit them. */
    private static final RequestMatcher STATIC_FILES =
            PathRequest.toStaticResources().atCommonLocations();

    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        return new SessionFlashMapManager() {
            @Override
            protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
                return STATIC_FILES.matches(request) ? null : super.retrieveFlashMaps(request);
            }
        };
    }
}
