package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static dev.rolecall.policy.findings.Roles.permissions;
import static dev.rolecall.policy.findings.Roles.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.analysis.FindingCategory;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per resource-exposure action, per defence-evasion action and per token action. */
class SensitiveActionsTests {

    private static final IamCatalog CATALOG = PolicyFixtures.catalog();

    static Stream<String> exposure() {
        return SensitiveActions.EXPOSURE.stream();
    }

    static Stream<String> defenceEvasion() {
        return SensitiveActions.DEFENCE_EVASION.stream();
    }

    static Stream<String> tokens() {
        return SensitiveActions.TOKENS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("exposure")
    void changingWhoMayAccessIsExposureOnEveryResource(String action) {
        PolicyFinding finding = finding(permissions(policy(allow("\"" + action + "\"", "\"*\""))), "resource-exposure");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding.category()).isEqualTo(FindingCategory.RESOURCE_EXPOSURE);
        assertThat(finding.message()).contains(action).contains("every resource");
    }

    @ParameterizedTest
    @MethodSource("exposure")
    void changingWhoMayAccessIsExposureEvenOnOneNamedResource(String action) {
        IamAction known = CATALOG.action(action).orElseThrow();
        if (known.resourceTypes().isEmpty()) {
            // Works only on *: there is no named resource to ask about.
            assertThat(codes(permissions(policy(allow("\"" + action + "\"", "\"" + anyArn() + "\"")))))
                    .doesNotContain("resource-exposure");
            return;
        }
        String arn = exampleArn(known);
        PolicyFinding finding =
                finding(permissions(policy(allow("\"" + action + "\"", "\"" + arn + "\""))), "resource-exposure");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding.message()).contains(action).contains(arn);
    }

    @ParameterizedTest
    @MethodSource("defenceEvasion")
    void stoppingOrBlindingDetectionIsHighDefenceEvasionOnEveryResource(String action) {
        PolicyFinding finding = finding(permissions(policy(allow("\"" + action + "\"", "\"*\""))), "defence-evasion");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding.category()).isEqualTo(FindingCategory.DEFENCE_EVASION);
        assertThat(finding.message()).contains(action);
    }

    @ParameterizedTest
    @MethodSource("defenceEvasion")
    void onANamedResourceDefenceEvasionIsHighTooExceptForHousekeeping(String action) {
        IamAction known = CATALOG.action(action).orElseThrow();
        if (known.resourceTypes().isEmpty()) {
            return;
        }
        String arn = exampleArn(known);
        PolicyAnalysis analysis = permissions(policy(allow("\"" + action + "\"", "\"" + arn + "\"")));
        if (SensitiveActions.DEFENCE_EVASION_ON_EVERY_RESOURCE.contains(action)) {
            assertThat(codes(analysis)).doesNotContain("defence-evasion");
        } else {
            PolicyFinding finding = finding(analysis, "defence-evasion");
            assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
            assertThat(finding.message()).contains(action).contains(arn);
        }
    }

    @ParameterizedTest
    @MethodSource("tokens")
    void aTokenActionOnStarIsALowCredentialFindingSayingWhatItReturns(String action) {
        PolicyFinding finding = finding(permissions(policy(allow("\"" + action + "\"", "\"*\""))), "credentials-token");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.LOW);
        assertThat(finding.category()).isEqualTo(FindingCategory.CREDENTIALS_EXPOSURE);
        assertThat(finding.message()).contains(action + " returns " + SensitiveActions.TOKENS.get(action));
    }

    @Test
    void theEcrRegistryTokenSaysItLastsTwelveHours() {
        PolicyAnalysis analysis = permissions(policy(allow("\"ecr:GetAuthorizationToken\"", "\"*\"")));
        assertThat(finding(analysis, "credentials-token").message()).contains("valid for 12 hours");
        assertThat(analysis.riskLevel().name()).isEqualTo("LOW");
    }

    @Test
    void everyTokenActionWorksOnlyOnStarAndEveryNamedActionIsInTheCatalog() {
        List<String> names = new ArrayList<>(SensitiveActions.EXPOSURE);
        names.addAll(SensitiveActions.DEFENCE_EVASION);
        names.addAll(SensitiveActions.TOKENS.keySet());
        assertThat(names)
                .allSatisfy(name -> assertThat(CATALOG.action(name)).as(name).isPresent());
        assertThat(SensitiveActions.TOKENS.keySet())
                .allSatisfy(
                        name -> assertThat(CATALOG.action(name).orElseThrow().resourceTypes())
                                .as(name)
                                .isEmpty());
        assertThat(SensitiveActions.DEFENCE_EVASION).containsAll(SensitiveActions.DEFENCE_EVASION_ON_EVERY_RESOURCE);
    }

    /** An ARN of the action's first resource type, with every variable part filled in. */
    static String exampleArn(IamAction action) {
        String format = CATALOG.service(action.service())
                .orElseThrow()
                .resourceTypes()
                .get(action.resourceTypes().get(0));
        return format.replace("${Partition}", "aws")
                .replace("${Region}", "us-east-1")
                .replace("${Account}", "111122223333")
                .replaceAll("\\$\\{[^}]*}", "example");
    }

    private static String anyArn() {
        return "arn:aws:s3:::example-bucket";
    }
}
