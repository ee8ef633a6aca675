package dev.rolecall.audit.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads an {@link AuditQuery} from the URL's query parameters of the same names, as data binding
 * would, without binding's per-request reflection over the record's constructor (which on the audit
 * page cost as much as reading the page's events). A parameter given several times is read as its
 * values joined by commas, as binding reads it; the query itself checks each value.
 */
@Component
class AuditQueryArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AuditQuery.class.equals(parameter.getParameterType());
    }

    @Override
    public AuditQuery resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        return new AuditQuery(
                value(request, "from"),
                value(request, "to"),
                value(request, "actor"),
                value(request, "requestId"),
                value(request, "action"),
                value(request, "accountId"),
                value(request, "roleName"),
                value(request, "older"),
                value(request, "newer"),
                value(request, "size"));
    }

    private static @Nullable String value(NativeWebRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        return values.length == 1 ? values[0] : String.join(",", values);
    }
}
