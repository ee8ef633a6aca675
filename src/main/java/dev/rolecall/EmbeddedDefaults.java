package dev.rolecall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * With no {@code spring.datasource.url}, Rolecall runs on an embedded PostgreSQL and loads the
 * demo users and demo account, at the lowest precedence so that any configured value wins. With a
 * database URL none of this applies: demo users never reach a real installation.
 */
class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String EMBEDDED = "rolecall.database.embedded";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("rolecallEmbedded", Map.of(EMBEDDED, true)));
        try {
            List<PropertySource<?>> demo = new YamlPropertySourceLoader()
                    .load("rolecallDemoDefaults", new ClassPathResource("config/demo-defaults.yml"));
            demo.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
