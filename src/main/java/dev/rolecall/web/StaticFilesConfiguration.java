package dev.rolecall.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /** Where the static files are served from; none of them ever shows a flash message. */
    static final List<String> PREFIXES = List.of("/css/", "/js/", "/webjars/", "/favicon.");

    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        return new SessionFlashMapManager() {
            @Override
            protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
                return staticFile(request) ? null : super.retrieveFlashMaps(request);
            }
        };
    }

    static boolean staticFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PREFIXES.stream().anyMatch(path::startsWith);
    }
}
