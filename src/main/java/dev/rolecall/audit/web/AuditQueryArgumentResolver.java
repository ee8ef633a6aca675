package dev.rolecall.audit.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
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
 * Reads an {@link AuditQuery} from the URL's query parameters named as its components, as data
 * binding would, without binding's per-request reflection over the record's constructor (which on
 * the audit page cost as much as reading the page's events): the components and the canonical
 * constructor are looked up once, so a component added or moved is read by its name. A parameter
 * given several times is read as its values joined by commas, as binding reads it; the query itself
 * checks each value.
 */
@Component
class AuditQueryArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final RecordComponent[] FILTERS = AuditQuery.class.getRecordComponents();

    private static final Constructor<AuditQuery> CANONICAL = canonical();

    private static Constructor<AuditQuery> canonical() {
        try {
            return AuditQuery.class.getDeclaredConstructor(
                    Arrays.stream(FILTERS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor", e);
        }
    }

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
        @Nullable Object[] values = new Object[FILTERS.length];
        for (int i = 0; i < FILTERS.length; i++) {
            values[i] = value(request, FILTERS[i].getName());
        }
        try {
            return CANONICAL.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String value(NativeWebRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        return values.length == 1 ? values[0] : String.join(",", values);
    }
}
