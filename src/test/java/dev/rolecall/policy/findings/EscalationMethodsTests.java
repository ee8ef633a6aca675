package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.find;
import static dev.rolecall.policy.findings.Roles.permissions;
import static dev.rolecall.policy.findings.Roles.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.catalog.IamCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped escalation catalogue: one test per method, over the file itself. */
class EscalationMethodsTests {

    private static final EscalationMethods METHODS = PolicyFixtures.escalationMethods();
    private final IamCatalog catalog = PolicyFixtures.catalog();

    static Stream<Named<EscalationMethod>> methods() {
        return METHODS.all().stream().map(method -> Named.of(method.name(), method));
    }

    static Stream<Named<EscalationMethod>> methodsPassingARole() {
        return methods().filter(method -> method.getPayload().passedToService() != null);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void isFoundWhenEveryActionIsAllowedOnEveryResource(EscalationMethod method) {
        PolicyAnalysis analysis = permissions(policy(allow(json(method.actions()), "\"*\"")));
        PolicyFinding finding = find(analysis, "privilege-escalation")
                .orElseThrow(() -> new AssertionError(method.name() + " not found in " + analysis.findings()));
        assertThat(finding.severity()).isEqualTo(FindingSeverity.CRITICAL);
        assertThat(finding.message()).contains(method.name() + " (" + String.join(", ", method.actions()) + ")");
    }

    @ParameterizedTest
    @MethodSource("methods")
    void needsEveryOneOfItsActions(EscalationMethod method) {
        for (String left : method.actions()) {
            List<String> others = new ArrayList<>(method.actions());
            others.remove(left);
            if (others.isEmpty()) {
                continue;
            }
            PolicyAnalysis analysis = permissions(policy(allow(json(others), "\"*\"")));
            assertThat(find(analysis, "privilege-escalation")
                            .map(PolicyFinding::message)
                            .orElse(""))
                    .as("%s without %s", method.name(), left)
                    .doesNotContain(method.name());
        }
    }

    @ParameterizedTest
    @MethodSource("methodsPassingARole")
    void needsARolePassableToItsService(EscalationMethod method) {
        String elsewhere = "{\"StringEquals\": {\"iam:PassedToService\": \"no-such-service.amazonaws.com\"}}";
        String own = "{\"StringEquals\": {\"iam:PassedToService\": \"" + method.passedToService() + "\"}}";
        List<String> others = method.actions().stream()
                .filter(action -> !action.equals("iam:PassRole"))
                .toList();
        String rest = allow(json(others), "\"*\"");
        PolicyAnalysis blocked = permissions(policy(rest + ", " + allow("\"iam:PassRole\"", "\"*\"", elsewhere)));
        assertThat(find(blocked, "privilege-escalation")
                        .map(PolicyFinding::message)
                        .orElse(""))
                .doesNotContain(method.name());
        PolicyAnalysis passable = permissions(policy(rest + ", " + allow("\"iam:PassRole\"", "\"*\"", own)));
        assertThat(find(passable, "privilege-escalation").orElseThrow().message())
                .contains(method.name());
    }

    @Test
    void coversThePublicResearchWithASourceForEachMethod() {
        assertThat(METHODS.all()).hasSizeGreaterThanOrEqualTo(65);
        assertThat(METHODS.all().stream().map(EscalationMethod::source).collect(Collectors.toSet()))
                .anySatisfy(source -> assertThat(source).startsWith("Rhino Security Labs"))
                .anySatisfy(source -> assertThat(source).contains("PMapper"))
                .anySatisfy(source -> assertThat(source).contains("iam-vulnerable"))
                .anySatisfy(source -> assertThat(source).contains("cloudsplaining"));
        assertThat(METHODS.all()).allSatisfy(method -> {
            assertThat(method.source()).isNotBlank();
            assertThat(method.passedToService() == null)
                    .as("%s passes a role exactly when it names the service", method.name())
                    .isEqualTo(!method.actions().contains("iam:PassRole"));
        });
    }

    @Test
    void namesAreDistinctAndNoneContainsAnother() {
        List<String> names = METHODS.all().stream().map(EscalationMethod::name).toList();
        for (String name : names) {
            assertThat(names.stream().filter(other -> other.contains(name)))
                    .as(name)
                    .containsExactly(name);
        }
    }

    @Test
    void everyActionNamedInTheChecksIsInTheCatalog() {
        List<String> names = new ArrayList<>();
        METHODS.all().forEach(method -> names.addAll(method.actions()));
        names.addAll(SensitiveActions.CREDENTIALS);
        names.addAll(SensitiveActions.DATA_EXFILTRATION);
        assertThat(names)
                .allSatisfy(name -> assertThat(catalog.action(name)).as(name).isPresent());
    }

    @Test
    void aMethodWithoutASourceIsRefused() {
        String json = "{\"methods\": [{\"name\": \"Something\", \"actions\": [\"iam:PassRole\"]}]}";
        assertThatThrownBy(
                        () -> EscalationMethods.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Something");
    }

    private static String json(List<String> actions) {
        return actions.stream().map(action -> "\"" + action + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
