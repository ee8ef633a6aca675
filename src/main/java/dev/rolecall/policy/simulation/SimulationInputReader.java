package dev.rolecall.policy.simulation;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.PolicyProblem;
import dev.rolecall.policy.grammar.JsonValue;
import dev.rolecall.policy.grammar.JsonValue.JsonArray;
import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;
import dev.rolecall.policy.grammar.JsonValue.ScalarType;
import dev.rolecall.policy.grammar.ParseResult;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.SourcePosition;
import dev.rolecall.policy.permissions.AccessRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a simulation as the API and the golden cases write it:
 * <pre>{@code
 * {"identityPolicies": [policy…], "permissionsBoundaries": [policy…],
 *  "serviceControlPolicies": [[policy…] per level…], "resourcePolicy": policy, "sessionPolicy": policy,
 *  "request": {"action": "s3:GetObject", "resource": "arn:…", "principal": "arn:…",
 *              "resourceAccount": "111122223333", "context": {"aws:SourceIp": "203.0.113.9",
 *                                                              "aws:TagKeys": ["a", "b"]}}}
 * }</pre>
 * A policy is a policy document, or {@code {"name": "…", "document": {…}}} to give it a name; unnamed
 * policies are named by their place, e.g. {@code identityPolicies[0]}. Every error names its field and
 * the line and column in the body. The {@code resourcePolicy} is whatever policy the resource itself
 * carries: a bucket policy, a KMS key's key policy, or (for {@code sts:AssumeRole} and the other
 * actions on a role) the role's trust policy.
 */
public final class SimulationInputReader {

    private static final Set<String> FIELDS = Set.of(
            "identityPolicies",
            "permissionsBoundaries",
            "serviceControlPolicies",
            "resourcePolicy",
            "sessionPolicy",
            "request");

    /** A readable simulation. */
    public record Input(PolicySet policies, AccessRequest request) {}

    /**
     * One thing wrong with the body.
     *
     * @param field the JSON path, e.g. {@code identityPolicies[0]} or {@code request.action}
     * @param message what is wrong, with the policy location for grammar errors
     */
    public record FieldError(String field, String message, int line, int column) {}

    /** The input when readable, otherwise the errors. */
    public record Outcome(@Nullable Input input, List<FieldError> errors) {}

    private final PolicyParser parser;

    public SimulationInputReader(PolicyParser parser) {
        this.parser = parser;
    }

    public Outcome read(JsonValue body) {
        List<FieldError> errors = new ArrayList<>();
        if (!(body instanceof JsonObject object)) {
            errors.add(error("", body.at(), "the body must be a JSON object"));
            return new Outcome(null, errors);
        }
        for (Member member : object.members()) {
            if (!FIELDS.contains(member.name())) {
                errors.add(error(member.name(), member.at(), "is not a field of a simulation; use " + FIELDS));
            }
        }
        List<PolicyDocument> identity = policies(object, "identityPolicies", PolicyKind.IDENTITY, errors);
        List<PolicyDocument> boundaries = policies(object, "permissionsBoundaries", PolicyKind.BOUNDARY, errors);
        List<List<PolicyDocument>> scps = levels(object, errors);
        PolicyDocument resource = single(object, "resourcePolicy", PolicyKind.RESOURCE, errors);
        PolicyDocument session = single(object, "sessionPolicy", PolicyKind.SESSION, errors);
        AccessRequest request = AccessRequestReader.read(object.get("request"), object.at(), errors);
        if (!errors.isEmpty() || request == null) {
            return new Outcome(null, errors);
        }
        return new Outcome(new Input(new PolicySet(identity, boundaries, scps, resource, session), request), List.of());
    }

    private List<PolicyDocument> policies(JsonObject body, String field, PolicyKind kind, List<FieldError> errors) {
        JsonValue value = body.get(field);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(error(field, value.at(), "must be an array of policies"));
            return List.of();
        }
        List<PolicyDocument> documents = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            PolicyDocument document = policy(array.items().get(i), field + "[" + i + "]", kind, errors);
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    private List<List<PolicyDocument>> levels(JsonObject body, List<FieldError> errors) {
        String field = "serviceControlPolicies";
        JsonValue value = body.get(field);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(error(field, value.at(), "must be an array of levels, each an array of policies"));
            return List.of();
        }
        List<List<PolicyDocument>> levels = new ArrayList<>();
        for (int level = 0; level < array.items().size(); level++) {
            String where = field + "[" + level + "]";
            if (!(array.items().get(level) instanceof JsonArray policies)) {
                errors.add(
                        error(where, array.items().get(level).at(), "must be an array of the policies at this level"));
                continue;
            }
            List<PolicyDocument> documents = new ArrayList<>();
            for (int i = 0; i < policies.items().size(); i++) {
                PolicyDocument document =
                        policy(policies.items().get(i), where + "[" + i + "]", PolicyKind.SERVICE_CONTROL, errors);
                if (document != null) {
                    documents.add(document);
                }
            }
            levels.add(documents);
        }
        return levels;
    }

    private @Nullable PolicyDocument single(JsonObject body, String field, PolicyKind kind, List<FieldError> errors) {
        JsonValue value = body.get(field);
        return value == null || isNull(value) ? null : policy(value, field, kind, errors);
    }

    private @Nullable PolicyDocument policy(JsonValue value, String field, PolicyKind kind, List<FieldError> errors) {
        String name = field;
        JsonValue document = value;
        if (value instanceof JsonObject object && object.get("document") != null) {
            document = object.get("document");
            if (object.get("name") instanceof JsonScalar scalar
                    && scalar.isString()
                    && !scalar.text().isBlank()) {
                name = scalar.text();
            }
        }
        ParseResult result = parser.parse(kind, name, document);
        for (PolicyProblem problem : result.problems()) {
            errors.add(new FieldError(
                    field,
                    problem.location() + ": " + problem.message(),
                    problem.at().line(),
                    problem.at().column()));
        }
        return result.document();
    }

    static boolean isNull(JsonValue value) {
        return value instanceof JsonScalar scalar && scalar.type() == ScalarType.NULL;
    }

    static FieldError error(String field, SourcePosition at, String message) {
        return new FieldError(field, message, at.line(), at.column());
    }
}
