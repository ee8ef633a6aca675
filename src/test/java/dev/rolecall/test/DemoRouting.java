package dev.rolecall.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test's context keeps the demo configuration's routing rules (config/demo-defaults.yml): LOW
 * risk in the sandbox 111122223333 approves on its own, the prod account 444455556666 needs 1 of
 * {@code security} then 1 of {@code payments-owners}. Without it a {@link UsesTestDatabase} context
 * routes every request by the default route.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface DemoRouting {}
