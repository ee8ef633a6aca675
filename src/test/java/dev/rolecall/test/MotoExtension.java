package dev.rolecall.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a {@link UsesMoto} test class the JVM's shared moto server, empty: reset before the class
 * and, unless the class says otherwise, before each test. Resolves {@link MotoServer} parameters.
 */
public final class MotoExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        MotoServer.shared().reset();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetBeforeEachTest(context)) {
            MotoServer.shared().reset();
        }
    }

    /** What the nearest {@link UsesMoto} says, looking out from a nested class to its enclosing ones. */
    private static boolean resetBeforeEachTest(ExtensionContext context) {
        for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
            Optional<UsesMoto> declared =
                    at.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, UsesMoto.class));
            if (declared.isPresent()) {
                return declared.get().resetBeforeEachTest();
            }
        }
        return true;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return MotoServer.shared();
    }
}
