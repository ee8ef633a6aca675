package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.permissions.AccessDecision;
import dev.rolecall.policy.permissions.PolicySimulationOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolicyServiceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PolicyService service = PolicyFixtures.policyService();

    private static final String SIMULATION = """
            {"identityPolicies": [{"name": "tpl-s3-read-1", "document": {"Version": "2012-10-17", "Statement": [
               {"Sid": "ReadInvoices", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                "Condition": {"NumericLessThan": {"s3:max-keys": 100}, "Bool": {"aws:SecureTransport": true}}}]}}],
             "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::invoices/a.pdf",
                         "context": {"s3:max-keys": 10, "aws:SecureTransport": "true"}}}""";

    @Test
    void checksTheGrammarOfATreeAndOfText() {
        JsonNode tree = JSON.readTree("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}}");

        assertThat(service.checkGrammar(PolicyKind.IDENTITY, tree))
                .singleElement()
                .satisfies(problem -> assertThat(problem.location()).isEqualTo("statement 1 · Resource"));
        assertThat(
                        service.checkGrammar(
                                PolicyKind.TRUST,
                                "trustPolicy",
                                "{\"Statement\":{\"Effect\":\"Allow\","
                                        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}"))
                .isEmpty();
        assertThat(service.checkGrammar(
                        PolicyKind.TRUST,
                        "trustPolicy",
                        "{\"Statement\":{\"Effect\":\"Allow\","
                                + "\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.location()).isEqualTo("Ln 1, Col 74 · statement 1 · Resource");
                    assertThat(problem.at().policy()).isEqualTo("trustPolicy");
                });
    }

    @Test
    void simulatesFromTextAndFromATreeAlike() {
        PolicySimulationOutcome fromText = service.simulate(SIMULATION);
        PolicySimulationOutcome fromTree = service.simulate(JSON.readTree(SIMULATION));

        assertThat(fromText.errors()).isEmpty();
        assertThat(fromText.result().decision()).isEqualTo(AccessDecision.ALLOWED);
        assertThat(fromText.result().decisiveStatements())
                .singleElement()
                .satisfies(statement -> assertThat(statement.describe())
                        .isEqualTo("identity policy tpl-s3-read-1, statement 1 (Sid ReadInvoices)"));
        assertThat(fromTree).isEqualTo(fromText);
    }

    @Test
    void reportsErrorsOfATreeWithoutPositions() {
        PolicySimulationOutcome outcome = service.simulate(JSON.readTree("{\"request\": {\"action\": \"s3:Get*\"}}"));

        assertThat(outcome.result()).isNull();
        assertThat(outcome.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("request.action");
            assertThat(error.message()).contains("without wildcards");
            assertThat(error.line()).isZero();
        });
    }
}
