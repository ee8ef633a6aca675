package dev.rolecall.identity;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the signed-in {@link CurrentUser} to controller methods. */
@Component
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<UserDirectory> directory;

    CurrentUserArgumentResolver(ObjectProvider<UserDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CurrentUser.class.equals(parameter.getParameterType());
    }

    @Override
    public CurrentUser resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        return of(authentication, directory.getIfAvailable());
    }

    /**
     * Roles come from the authentication's authorities; the team from the directory, or for a person
     * signed in through the provider from their claims.
     */
    static CurrentUser of(Authentication authentication, @Nullable UserDirectory directory) {
        Set<Role> roles = EnumSet.of(Role.REQUESTER);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        if (authentication.getPrincipal() instanceof SsoUser sso) {
            return new CurrentUser(authentication.getName(), sso.team(), roles);
        }
        String team = directory == null
                ? null
                : directory
                        .find(authentication.getName())
                        .map(CurrentUser::team)
                        .orElse(null);
        return new CurrentUser(authentication.getName(), team, roles);
    }
}
