package dev.rolecall.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links on pages are written as the templates say. The resource chain (on because of the webjars
 * locator) would otherwise pass every link of every page ({@code /requests/…}, {@code /audit?…})
 * through the static-resource resolvers, each one a class-path lookup inside the jar: on a list page
 * with a hundred links that cost more than the page itself. Static files keep their plain URLs, and
 * version-less webjar URLs ({@code /webjars/htmx.org/dist/htmx.min.js}) are still served by the
 * webjars resolver when requested.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
