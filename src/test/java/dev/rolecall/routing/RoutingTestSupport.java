package dev.rolecall.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** For slice tests outside this package: the routing beans, configured from {@code rolecall.routing}. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
@Import({ReviewerGroups.class, ReviewRouter.class, RoutingConfiguration.class, BreakGlass.class})
public class RoutingTestSupport {}
