package dev.rolecall.routing.web;

import dev.rolecall.policy.analysis.RiskLevel;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The facts a routing rule matches on, as typed into the route tester; every field may be left out.
 *
 * @param findings finding codes, separated by commas or spaces
 */
record RouteTesterForm(
        @Nullable @Pattern(regexp = "\\d{12}", message = "{routing.tester.account.invalid}")
        String account,

        @Nullable @Size(max = 32) String environment,

        @Nullable @Pattern(regexp = "CREATE|CHANGE|DELETE|IMPORT", message = "{routing.tester.kind.invalid}")
        String kind,

        @Nullable RiskLevel risk,

        @Nullable @Pattern(regexp = "[a-z0-9,\\s-]{0,400}", message = "{routing.tester.findings.invalid}")
        String findings,

        @Nullable @Size(max = 64) String roleName,
        @Nullable @Size(max = 512) String path,
        @Nullable @Size(max = 64) String team) {

    /** Whether the person asked anything yet: the page shows a route only then. */
    boolean asked() {
        return account != null || environment != null || kind != null || risk != null || findings != null;
    }
}
