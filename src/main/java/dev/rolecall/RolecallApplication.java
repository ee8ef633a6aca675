package dev.rolecall;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Rolecall: a self-service console for the lifecycle of AWS IAM roles. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RolecallApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RolecallApplication.class);
        // The embedded database starts while the context is built, not when the first bean needs it.
        application.addInitializers(new EmbeddedPostgresEarlyStart());
        application.run(args);
    }

    /** The one clock every module reads, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
