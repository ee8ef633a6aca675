package dev.rolecall.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Says in words what is wrong with a value that could not be read, for pages and the API alike:
 * never the Java type or the converter's message.
 */
final class BadInput {

    private BadInput() {}

    /** A value that is not of its field's type, e.g. {@code decision=MAYBE} or {@code page=abc}. */
    /**
     * The refusal a converter answered with, e.g. a request id that is no id: a thing that is not
     * there rather than a malformed parameter.
     */
    static @Nullable ErrorResponseException refusal(MethodArgumentTypeMismatchException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponseException refusal) {
                return refusal;
            }
        }
        return null;
    }

    static String mismatch(String field, @Nullable Class<?> type) {
        if (type != null && type.isEnum()) {
            return field + " must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class) {
            return field + " must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return field + " must be true or false";
        }
        return field + " has a value that cannot be read";
    }

    /** Each field error of a binding, in words; type mismatches never carry the converter's text. */
    static List<InputProblem> problems(BindingResult binding) {
        return binding.getFieldErrors().stream().map(BadInput::problem).toList();
    }

    private static InputProblem problem(FieldError error) {
        if (error.isBindingFailure()) {
            return new InputProblem(error.getField(), mismatch(error.getField(), typeOf(error)));
        }
        return new InputProblem(error.getField(), String.valueOf(error.getDefaultMessage()));
    }

    /** The parameters that failed their constraints (e.g. {@code page} past the last page). */
    static List<InputProblem> problems(HandlerMethodValidationException e) {
        return e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InputProblem(
                                String.valueOf(result.getMethodParameter().getParameterName()), message(error))))
                .toList();
    }

    private static String message(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }

    private static @Nullable Class<?> typeOf(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            return error.unwrap(TypeMismatchException.class).getRequiredType();
        }
        return null;
    }
}
