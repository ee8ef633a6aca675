package dev.rolecall.routing;

import dev.rolecall.policy.analysis.RiskLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who reviews what, configured as {@code rolecall.routing.*}. Checked at start: a group, account or
 * rule that does not add up stops the console with the key that is wrong.
 *
 * @param groups reviewer groups by name, each with the user names of its members
 * @param accountOwners each account's owner group, by 12-digit account id
 * @param rules routing rules, tried in order; the first that matches gives the route
 * @param defaultRoute the stages of a request no rule matches; empty means 1 of {@code security}
 * @param breakGlass who may file an emergency request, and how it is reviewed afterwards
 */
@ConfigurationProperties("rolecall.routing")
@Validated
@ConsistentRouting
record RoutingProperties(
        @DefaultValue
        Map<@Pattern(regexp = GROUP_NAME) String, @NotEmpty List<@Pattern(regexp = USERNAME) String>> groups,

        @DefaultValue Map<@Pattern(regexp = ACCOUNT_ID) String, @Pattern(regexp = GROUP_NAME) String> accountOwners,
        @DefaultValue List<@Valid @NotNull Rule> rules,
        @DefaultValue List<@Valid @NotNull Stage> defaultRoute,
        @DefaultValue @Valid BreakGlass breakGlass) {

    static final String GROUP_NAME = "[a-z0-9][a-z0-9._-]{0,62}";
    static final String USERNAME = "[A-Za-z0-9._@+-]{1,64}";
    static final String ACCOUNT_ID = "\\d{12}";
    static final String DEFAULT_GROUP = "security";

    /**
     * One routing rule. Every condition given must hold; a condition left out matches anything.
     *
     * @param name shown on the request and in the audit trail when the rule decides
     * @param match what the rule matches on
     * @param outcome review in {@code stages}, approve on its own, or deny with {@code message}
     * @param stages for {@link Outcome#REVIEW}, the stages in order
     * @param message for {@link Outcome#DENY}, what the requester is told
     */
    record Rule(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}")
            String name,

            @DefaultValue @Valid Match match,
            @DefaultValue("REVIEW") Outcome outcome,
            @DefaultValue List<@Valid @NotNull Stage> stages,

            @Nullable @Pattern(regexp = "[^{}$\\\\]{1,300}", message = "must be 1 to 300 characters without { } $ \\")
            String message) {}

    /**
     * What a rule matches on; each set matches if it is empty or holds the request's value.
     *
     * @param accounts account ids
     * @param environments account environments, e.g. {@code prod}
     * @param kinds request kinds: CREATE, CHANGE, DELETE, IMPORT
     * @param risks risk levels
     * @param findings finding codes, any of which present in the request's analysis matches
     * @param roleName a role name pattern, {@code *} standing for any characters
     * @param path a role path pattern, {@code *} standing for any characters
     * @param teams the requester's team
     */
    record Match(
            @DefaultValue Set<@Pattern(regexp = ACCOUNT_ID) String> accounts,
            @DefaultValue Set<@Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String> environments,
            @DefaultValue Set<@Pattern(regexp = "(?i)CREATE|CHANGE|DELETE|IMPORT") String> kinds,
            @DefaultValue Set<RiskLevel> risks,
            @DefaultValue Set<@Pattern(regexp = "[a-z0-9-]{1,80}") String> findings,

            @Nullable @Pattern(regexp = "[\\w+=,.@*-]{1,64}")
            String roleName,

            @Nullable @Pattern(regexp = "/([\\w+=,.@*-]+/)*")
            String path,

            @DefaultValue Set<@Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> teams) {}

    /** What a matching rule does with a request. */
    enum Outcome {
        /** The request waits for its stages, in order. */
        REVIEW,
        /** The request is approved with no reviewer, recorded with the rule's name. */
        AUTO_APPROVE,
        /** The request is refused with the rule's message. */
        DENY
    }

    /**
     * One review stage: {@code approvals} distinct members of its groups must approve.
     *
     * @param groups the groups whose members may approve this stage
     * @param accountOwners whether the owner group of the request's account may approve too
     * @param approvals how many distinct people must approve
     * @param sla how long the stage may wait before it is overdue
     * @param escalationGroup the group told when the SLA passes, if any
     */
    record Stage(
            @DefaultValue List<@Pattern(regexp = GROUP_NAME) String> groups,
            @DefaultValue("false") boolean accountOwners,
            @DefaultValue("1") @Min(1) @Max(10) int approvals,
            @DefaultValue("24h") Duration sla,
            @Nullable @Pattern(regexp = GROUP_NAME) String escalationGroup) {}

    /**
     * Emergency requests: they apply at once and are reviewed after the fact.
     *
     * @param groups the groups whose members may file an emergency request; empty means nobody
     * @param review the after-the-fact review stage; its groups default to {@code security}
     */
    record BreakGlass(
            @DefaultValue List<@Pattern(regexp = GROUP_NAME) String> groups,
            @Nullable @Valid Stage review) {}
}
