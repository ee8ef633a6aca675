package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.policy.PolicyTemplates.Recognised;
import dev.rolecall.policy.PolicyTemplates.Rendering;
import dev.rolecall.policy.PolicyTemplates.Template;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolicyTemplatesTests {

    private static final String ACCOUNT = "111122223333";
    private static final PolicyTemplates TEMPLATES = PolicyTemplates.read(List.of());

    private final PolicyAnalysisService analysis = PolicyFixtures.policyAnalysisService();

    static List<Template> shipped() {
        return TEMPLATES.all();
    }

    @Test
    void shipsTheLibraryTheFormOffers() {
        assertThat(TEMPLATES.all())
                .extracting(Template::id)
                .containsExactly(
                        "s3-read",
                        "s3-write-prefix",
                        "dynamodb-read",
                        "dynamodb-read-write",
                        "sqs-consume",
                        "sqs-produce",
                        "logs-writer",
                        "ecr-pull",
                        "ecr-push",
                        "secret-read",
                        "kms-decrypt",
                        "lambda-basic-execution");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void eachTemplateFilledWithItsExamplesIsValidHasNoHighFindingAndIsRecognised(Template template) {
        Rendering rendering = TEMPLATES.render(template, ACCOUNT, examples(template));
        assertThat(rendering.problems()).isEmpty();
        JsonNode document = rendering.document();
        assertThat(document).isNotNull();
        assertThat(document.toString()).doesNotContain("{{");

        PolicyAnalysis analysed = analysis.analyse(PolicyAnalysisRequest.builder()
                .accountId(ACCOUNT)
                .permissionPolicy(PolicyInput.of("tpl-" + template.id() + "-1", document))
                .build());
        List<PolicyFinding> serious = analysed.findings().stream()
                .filter(finding -> finding.severity() == FindingSeverity.BLOCK
                        || finding.severity().isAtLeast(FindingSeverity.HIGH))
                .toList();
        assertThat(serious).as("BLOCK or HIGH findings of %s", template.id()).isEmpty();

        Recognised recognised = TEMPLATES.recognise(document).orElseThrow();
        assertThat(recognised.template().id()).isEqualTo(template.id());
        assertThat(recognised.values()).isEqualTo(withoutBlanks(examples(template)));
    }

    @Test
    void putsTheValuesInAndTheRequestsAccount() {
        Template s3 = TEMPLATES.byId("s3-read").orElseThrow();
        JsonNode document = TEMPLATES
                .render(s3, ACCOUNT, Map.of("bucket", "invoices", "prefix", "2024/"))
                .document();
        assertThat(document).isNotNull();
        assertThat(document.toString())
                .contains("\"arn:aws:s3:::invoices/2024/*\"")
                .contains("\"s3:prefix\":\"2024/*\"");
        Template table = TEMPLATES.byId("dynamodb-read").orElseThrow();
        JsonNode read = TEMPLATES
                .render(table, ACCOUNT, Map.of("region", "eu-west-1", "table", "orders"))
                .document();
        assertThat(read).isNotNull();
        assertThat(read.toString()).contains("arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
    }

    @Test
    void aValueThatDoesNotFitItsParameterRendersNothingAndSaysWhy() {
        Template s3 = TEMPLATES.byId("s3-read").orElseThrow();
        Rendering wildcard = TEMPLATES.render(s3, ACCOUNT, Map.of("bucket", "*"));
        assertThat(wildcard.document()).isNull();
        assertThat(wildcard.problems()).containsOnlyKeys("bucket");
        assertThat(wildcard.problems().get("bucket")).contains("must look like invoices");

        Rendering injection =
                TEMPLATES.render(s3, ACCOUNT, Map.of("bucket", "a\",\"Action\":\"*", "prefix", "x/\"}]}"));
        assertThat(injection.document()).isNull();
        assertThat(injection.problems()).containsOnlyKeys("bucket", "prefix");

        Rendering missing = TEMPLATES.render(s3, "", Map.of());
        assertThat(missing.problems()).containsOnlyKeys("bucket", "account");
        assertThat(missing.problems().get("bucket")).isEqualTo("Bucket is required.");
    }

    @Test
    void anEditedDocumentIsNoLongerRecognised() {
        Template s3 = TEMPLATES.byId("s3-read").orElseThrow();
        JsonNode document =
                TEMPLATES.render(s3, ACCOUNT, Map.of("bucket", "invoices")).document();
        assertThat(document).isNotNull();
        assertThat(TEMPLATES.recognise(document)).isPresent();
        JsonNode widened =
                JsonMapper.builder().build().readTree(document.toString().replace("s3:GetObject\"", "s3:*\""));
        assertThat(TEMPLATES.recognise(widened)).isEmpty();
        JsonNode otherBuckets =
                JsonMapper.builder().build().readTree(document.toString().replace("invoices/", "*/"));
        assertThat(TEMPLATES.recognise(otherBuckets)).isEmpty();
    }

    @Test
    void administratorsAddTheirOwnFilesAndBadOnesStopTheStartWithTheReason(@TempDir Path folder) throws Exception {
        Path own = folder.resolve("own.json");
        Files.writeString(own, """
                [{"id": "sns-publish", "title": "Publish to a topic", "description": "Publish to one topic.",
                  "parameters": [{"name": "topic", "label": "Topic", "pattern": "[A-Za-z0-9_-]{1,256}", "example": "alerts"}],
                  "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish",
                    "Resource": "arn:aws:sns:eu-west-1:{{account}}:{{topic}}"}]}}]""");
        PolicyTemplates templates = PolicyTemplates.read(List.of(own));
        assertThat(templates.all()).hasSize(TEMPLATES.all().size() + 1);
        assertThat(templates.byId("sns-publish")).isPresent();

        assertThatThrownBy(() -> PolicyTemplates.read(List.of(own, own)))
                .hasMessageContaining("\"sns-publish\" is defined twice");
        String undeclared = """
                [{"id": "bad", "title": "Bad", "parameters": [],
                  "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish",
                    "Resource": "{{topic}}"}]}}]""";
        assertThatThrownBy(() -> PolicyTemplates.read(
                        new ByteArrayInputStream(undeclared.getBytes(StandardCharsets.UTF_8)), "bad.json"))
                .hasMessageContaining("uses {{topic}} but declares no parameter");
    }

    private static Map<String, String> examples(Template template) {
        Map<String, String> values = new LinkedHashMap<>();
        template.parameters().forEach(parameter -> values.put(parameter.name(), parameter.example()));
        return values;
    }

    private static Map<String, String> withoutBlanks(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>(values);
        kept.values().removeIf(String::isEmpty);
        return kept;
    }
}
