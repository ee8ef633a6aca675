package dev.rolecall.test;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The shared test configuration, applied to the Spring test contexts whose class carries {@link
 * UsesTestDatabase} (or {@link RolecallIntegrationTest}): the {@link TestDatabase}, started only
 * when a context asks for the datasource URL, instead of the console's embedded
 * database. Flyway migrates as the schema's owner and the application connects as the runtime role,
 * as in production. The demo users and account stay, so tests sign in as alice, bob, carol and friends.
 * The demo routing rules and groups do not, unless the class carries {@link DemoRouting}: every request
 * takes the default route, 1 of {@code security}, whose members are bob and erin here (the demo has
 * only bob), as the tests written before routing expect.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(AnnotatedElementUtils.hasAnnotation(testClass, DemoRouting.class));
    }

    /** @param demoRouting whether the demo routing rules stay; otherwise every request takes the default route */
    private record Customizer(boolean demoRouting) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new LazyDatabaseProperties());
            TestDatabase.closeBeforeStop(context);
            if (!demoRouting) {
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "rolecallTestRouting",
                                Map.of("rolecall.routing.rules", "", "rolecall.routing.groups.security", "bob,erin")));
            }
        }
    }

    /** Resolves the datasource properties, and so starts the database, only when read. */
    private static final class LazyDatabaseProperties extends EnumerablePropertySource<Object> {

        private static final String[] NAMES = {
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.flyway.user",
            "spring.flyway.password",
            "rolecall.database.embedded"
        };

        LazyDatabaseProperties() {
            super("rolecallTestDatabase", new Object());
        }

        @Override
        public String[] getPropertyNames() {
            return NAMES.clone();
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.datasource.url" -> TestDatabase.connection().url();
                case "spring.datasource.username" -> TestDatabase.connection().username();
                case "spring.datasource.password" -> TestDatabase.connection().password();
                case "spring.flyway.user" -> TestDatabase.connection().ownerUsername();
                case "spring.flyway.password" -> TestDatabase.connection().ownerPassword();
                case "rolecall.database.embedded" -> "false";
                default -> null;
            };
        }

        @Override
        public boolean containsProperty(String name) {
            return java.util.Arrays.asList(NAMES).contains(name);
        }
    }
}
