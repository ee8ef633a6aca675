package dev.rolecall.provisioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * For crash-recovery tests only: halts the JVM, as {@code kill -9} would, right after the IAM call
 * named by {@code rolecall.provisioning.jobs.halt-after-call} succeeded and before it is recorded.
 * Does nothing unless that property is set.
 */
@Component
class ApplyHalt {

    private static final Logger log = LoggerFactory.getLogger(ApplyHalt.class);

    private final JobsProperties properties;

    ApplyHalt(JobsProperties properties) {
        this.properties = properties;
        if (properties.haltAfterCall() != null) {
            log.warn(
                    "rolecall.provisioning.jobs.halt-after-call={}: this console halts after that call (crash test)",
                    properties.haltAfterCall());
        }
    }

    void afterCall(String call) {
        if (call.equals(properties.haltAfterCall())) {
            log.warn("halting after {} as configured (crash test)", call);
            Runtime.getRuntime().halt(137);
        }
    }
}
