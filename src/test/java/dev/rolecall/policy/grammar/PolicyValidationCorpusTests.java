package dev.rolecall.policy.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.PolicyProblem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validation corpus under {@code src/test/resources/policy/validation/}: each file is an array
 * of cases {@code {name, kind, document, valid, error: {element, messageContains}}}, written from
 * IAM's policy grammar. A {@code document} that is a JSON string is parsed as raw text (bad JSON,
 * duplicate keys, deep nesting); any other value is written out as JSON text and parsed. A valid
 * case must parse without problems; an invalid one must report a problem at {@code error.element}
 * (null for the whole document) whose message contains {@code error.messageContains}. A case with
 * {@code knownGap} records where the parser still disagrees with IAM: it must keep disagreeing, so
 * the marker is removed when the parser is fixed.
 */
class PolicyValidationCorpusTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PolicyParser parser = new PolicyParser();

    record Expected(@Nullable String element, String messageContains) {}

    record CorpusCase(
            String file,
            String name,
            PolicyKind kind,
            String text,
            boolean valid,
            @Nullable Expected error,
            @Nullable String knownGap) {

        @Override
        public String toString() {
            return file + " · " + name;
        }
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        return load().stream().map(Arguments::of);
    }

    static List<CorpusCase> load() throws IOException, URISyntaxException {
        Path folder =
                Path.of(Objects.requireNonNull(PolicyValidationCorpusTests.class.getResource("/policy/validation"))
                        .toURI());
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String fileName = file.getFileName().toString().replace(".json", "");
                for (JsonNode entry : JSON.readTree(Files.readString(file))) {
                    cases.add(corpusCase(fileName, entry));
                }
            }
        }
        return cases;
    }

    private static CorpusCase corpusCase(String file, JsonNode entry) {
        JsonNode document = entry.required("document");
        String text = document.isString() ? document.asString() : JSON.writeValueAsString(document);
        boolean valid = entry.required("valid").asBoolean();
        Expected error = null;
        if (!valid) {
            JsonNode node = entry.required("error");
            JsonNode element = node.required("element");
            error = new Expected(
                    element.isNull() ? null : element.asString(),
                    node.required("messageContains").asString());
        }
        JsonNode gap = entry.get("knownGap");
        return new CorpusCase(
                file,
                entry.required("name").asString(),
                PolicyKind.valueOf(entry.required("kind").asString()),
                text,
                valid,
                error,
                gap == null ? null : gap.asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsIamWould(CorpusCase corpusCase) {
        ParseResult result = parser.parse(corpusCase.kind(), corpusCase.name(), corpusCase.text());

        if (corpusCase.knownGap() != null) {
            assertThat(meetsExpectation(corpusCase, result))
                    .as("known gap \"%s\" is fixed: remove the knownGap marker", corpusCase.knownGap())
                    .isFalse();
        } else if (corpusCase.valid()) {
            assertThat(result.problems()).as("problems of a valid document").isEmpty();
            assertThat(result.document()).isNotNull();
        } else {
            Expected error = Objects.requireNonNull(corpusCase.error());
            assertThat(result.document())
                    .as("an invalid document is not returned")
                    .isNull();
            assertThat(result.problems())
                    .as("a problem at %s containing \"%s\"", error.element(), error.messageContains())
                    .anySatisfy(problem -> {
                        assertThat(problem.at().element()).isEqualTo(error.element());
                        assertThat(problem.message()).contains(error.messageContains());
                    });
        }
    }

    private static boolean meetsExpectation(CorpusCase corpusCase, ParseResult result) {
        if (corpusCase.valid()) {
            return result.problems().isEmpty();
        }
        Expected error = Objects.requireNonNull(corpusCase.error());
        return result.problems().stream().anyMatch(problem -> matches(problem, error));
    }

    private static boolean matches(PolicyProblem problem, Expected error) {
        return Objects.equals(problem.at().element(), error.element())
                && problem.message().contains(error.messageContains());
    }

    @Test
    void corpusIsLargeAndBalanced() throws IOException, URISyntaxException {
        List<CorpusCase> cases = load();
        long valid = cases.stream().filter(CorpusCase::valid).count();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(120);
        assertThat(valid).isBetween(cases.size() * 2L / 5, cases.size() * 3L / 5);
        assertThat(cases).extracting(CorpusCase::toString).doesNotHaveDuplicates();
        assertThat(cases)
                .filteredOn(c -> !c.valid())
                .allSatisfy(c -> assertThat(c.error()).isNotNull());
    }
}
