package dev.rolecall.routing;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The routing configuration adds up: every group it names exists, every rule can be satisfied. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RoutingConfigurationCheck.class)
@interface ConsistentRouting {

    String message() default "routing configuration does not add up";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
