package dev.rolecall.policy.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.grammar.JsonLimits;
import dev.rolecall.policy.grammar.JsonReader;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.permissions.DecisiveStatement;
import dev.rolecall.policy.permissions.SimulationResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The golden decision cases under {@code src/test/resources/policy/golden/}: each file holds
 * {@code cases}, each a simulation as the API takes it plus {@code expect} (the decision) and
 * optionally {@code decisive} (the statements that must decide it, as {@code policy#index}),
 * {@code rule} (the special AWS rule that must shape it, or none when left out) and {@code explains}
 * (words the explanation must contain). A file's {@code defaults} fill in what a case leaves out;
 * {@code request} fields merge one by one.
 */
class PolicyEvaluatorGoldenTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SimulationInputReader READER = new SimulationInputReader(new PolicyParser());
    private static final JsonReader BODY = new JsonReader(new JsonLimits(64, 1 << 20));
    private final PolicyEvaluator evaluator = PolicyFixtures.evaluator();

    record GoldenCase(
            String file,
            String name,
            ObjectNode body,
            String expect,
            List<String> decisive,
            @Nullable String rule,
            List<String> explains) {

        @Override
        public String toString() {
            return file + " · " + name;
        }
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        return load().stream().map(Arguments::of);
    }

    static List<GoldenCase> load() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(PolicyEvaluatorGoldenTests.class.getResource("/policy/golden"))
                .toURI());
        List<GoldenCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(Files.readString(file));
                JsonNode defaults = root.path("defaults");
                for (JsonNode entry : root.path("cases")) {
                    cases.add(golden(file.getFileName().toString(), defaults, entry));
                }
            }
        }
        return cases;
    }

    private static GoldenCase golden(String file, JsonNode defaults, JsonNode entry) {
        ObjectNode body = JSON.createObjectNode();
        for (JsonNode source : List.of(defaults, entry)) {
            if (!source.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> field : source.properties()) {
                String name = field.getKey();
                if (List.of("name", "expect", "decisive", "note", "rule", "explains")
                        .contains(name)) {
                    continue;
                }
                if (name.equals("request") && body.get("request") instanceof ObjectNode request) {
                    request.setAll((ObjectNode) field.getValue().deepCopy());
                } else {
                    body.set(name, field.getValue().deepCopy());
                }
            }
        }
        List<String> decisive = new ArrayList<>();
        entry.path("decisive").forEach(node -> decisive.add(node.asString()));
        List<String> explains = new ArrayList<>();
        entry.path("explains").forEach(node -> explains.add(node.asString()));
        return new GoldenCase(
                file,
                entry.path("name").asString(),
                body,
                entry.path("expect").asString(),
                decisive,
                entry.hasNonNull("rule") ? entry.get("rule").asString() : null,
                explains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsAwsDocuments(GoldenCase golden) {
        var outcome =
                READER.read(BODY.read(JSON.writeValueAsString(golden.body())).value());
        assertThat(outcome.errors()).as("case must be well formed").isEmpty();

        SimulationResult result =
                evaluator.evaluate(outcome.input().request(), outcome.input().policies());

        assertThat(result.decision().name()).as(result.explanation()).isEqualTo(golden.expect());
        if (!golden.decisive().isEmpty()) {
            assertThat(result.decisiveStatements())
                    .extracting(PolicyEvaluatorGoldenTests::reference)
                    .as(result.explanation())
                    .containsExactlyInAnyOrderElementsOf(golden.decisive());
        }
        assertThat(result.explanation()).isNotBlank();
        assertThat(result.rule() == null ? null : result.rule().name())
                .as(result.explanation())
                .isEqualTo(golden.rule());
        for (String words : golden.explains()) {
            assertThat(result.explanation()).contains(words);
        }
    }

    @Test
    void coversAtLeastThreeHundredCasesWithUniqueNames() throws Exception {
        List<GoldenCase> cases = load();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        assertThat(cases).extracting(GoldenCase::toString).doesNotHaveDuplicates();
        assertThat(cases)
                .allSatisfy(c -> assertThat(c.expect()).isIn("ALLOWED", "EXPLICITLY_DENIED", "IMPLICITLY_DENIED"));
    }

    private static String reference(DecisiveStatement statement) {
        return statement.policy() + "#" + statement.statementIndex();
    }
}
