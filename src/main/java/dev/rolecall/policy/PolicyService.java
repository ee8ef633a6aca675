package dev.rolecall.policy;

import dev.rolecall.policy.grammar.JsonLimits;
import dev.rolecall.policy.grammar.JsonReadException;
import dev.rolecall.policy.grammar.JsonReader;
import dev.rolecall.policy.grammar.JsonValue;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.permissions.PolicySimulationOutcome;
import dev.rolecall.policy.simulation.PolicyEvaluator;
import dev.rolecall.policy.simulation.SimulationInputReader;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The policy engine's façade for the other modules. */
@Service
public class PolicyService {

    /**
     * The largest simulation body accepted, in characters: room for ten 6,144-character policies,
     * an SCP hierarchy and generous formatting, far below anything that could tie up a thread.
     */
    public static final int MAX_SIMULATION_CHARS = 256 * 1024;

    private final PolicyParser parser = new PolicyParser();
    private final JsonReader bodies = new JsonReader(new JsonLimits(32, MAX_SIMULATION_CHARS));
    private final SimulationInputReader simulations = new SimulationInputReader(parser);
    private final PolicyEvaluator evaluator;

    public PolicyService(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * Checks a document against the IAM policy grammar for its kind. The document came as a tree,
     * so locations name statement and element but no line and column.
     *
     * @return the problems found; empty when the document is well formed
     */
    public List<PolicyProblem> checkGrammar(PolicyKind kind, JsonNode document) {
        return parser.parse(kind, "", document).problems();
    }

    /**
     * Checks JSON text against the IAM policy grammar for its kind, with line and column in every
     * location. Oversized or deeply nested text gets one clean problem.
     *
     * @param name the policy's name as the person knows it, used in locations
     * @return the problems found; empty when the document is well formed
     */
    public List<PolicyProblem> checkGrammar(PolicyKind kind, String name, String json) {
        return parser.parse(kind, name, json).problems();
    }

    /**
     * Answers "may this principal do this action on this resource?" for a simulation written as JSON
     * (the body of {@code POST /api/v1/policy-simulations}): identity policies, permissions boundary,
     * SCP levels, resource-based and session policy, and the request with its context.
     *
     * @return the decision with its decisive statements, or the input's errors with line and column
     */
    public PolicySimulationOutcome simulate(String json) {
        JsonValue body;
        try {
            body = bodies.read(json).value();
        } catch (JsonReadException e) {
            return new PolicySimulationOutcome(
                    null,
                    List.of(new PolicyFieldError(
                            "",
                            "The body " + e.getMessage(),
                            e.position().line(),
                            e.position().column())));
        }
        return simulate(body);
    }

    /** As {@link #simulate(String)}, for a simulation already parsed as a tree (no line and column in errors). */
    public PolicySimulationOutcome simulate(JsonNode simulation) {
        JsonValue body;
        try {
            body = bodies.read(simulation).value();
        } catch (JsonReadException e) {
            return new PolicySimulationOutcome(
                    null, List.of(new PolicyFieldError("", "The body " + e.getMessage(), 0, 0)));
        }
        return simulate(body);
    }

    private PolicySimulationOutcome simulate(JsonValue body) {
        SimulationInputReader.Outcome read = simulations.read(body);
        if (read.input() == null) {
            return new PolicySimulationOutcome(
                    null,
                    read.errors().stream()
                            .map(e -> new PolicyFieldError(e.field(), e.message(), e.line(), e.column()))
                            .toList());
        }
        return new PolicySimulationOutcome(
                evaluator.evaluate(read.input().request(), read.input().policies()), List.of());
    }
}
