package dev.rolecall.policy.grammar;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.grammar.JsonValue.JsonArray;
import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses IAM policy documents of every {@link PolicyKind} and reports, with policy name, statement,
 * element and line/column, everything IAM would reject: bad Version, missing Effect, Action or
 * Resource, duplicate Sids, Principal in an identity policy, Resource in a trust policy, malformed
 * ARNs, actions and principals, wildcards in the service prefix, unknown operators and elements,
 * duplicate JSON keys. Size quotas are checked separately by {@link PolicyLimits}. Thread-safe.
 */
public final class PolicyParser {

    private static final Set<String> VERSIONS = Set.of(PolicyDocument.VERSION_2012, PolicyDocument.VERSION_2008);
    private static final Set<String> ELEMENTS = Set.of("Version", "Id", "Statement");

    private final JsonReader reader;

    /** A parser with the {@link JsonLimits#POLICY} guards. */
    public PolicyParser() {
        this(JsonLimits.POLICY);
    }

    public PolicyParser(JsonLimits limits) {
        this.reader = new JsonReader(limits);
    }

    /** Parses JSON text; problems carry line and column. */
    public ParseResult parse(PolicyKind kind, String name, String json) {
        JsonReader.Result read;
        try {
            read = reader.read(json);
        } catch (JsonReadException e) {
            Problems problems = new Problems(name);
            problems.document(null, e.position(), "The policy " + e.getMessage());
            return new ParseResult(null, problems.list(), 0);
        }
        return parse(kind, name, read, PolicySize.of(json));
    }

    /** Parses a document that is already a JSON tree; problems carry no line and column. */
    public ParseResult parse(PolicyKind kind, String name, JsonNode document) {
        JsonReader.Result read;
        try {
            read = reader.read(document);
        } catch (JsonReadException e) {
            Problems problems = new Problems(name);
            problems.document(null, e.position(), "The policy " + e.getMessage());
            return new ParseResult(null, problems.list(), 0);
        }
        return parse(kind, name, read, PolicySize.of(read.value()));
    }

    /**
     * Parses a document that is part of a larger JSON text read with {@link JsonReader} (e.g. an API
     * request body); problems carry the line and column within that text.
     */
    public ParseResult parse(PolicyKind kind, String name, JsonValue document) {
        return parse(kind, name, new JsonReader.Result(document, List.of()), PolicySize.of(document));
    }

    private ParseResult parse(PolicyKind kind, String name, JsonReader.Result read, int size) {
        Problems problems = new Problems(name);
        reportDuplicates(problems, read.duplicates());
        if (!(read.value() instanceof JsonObject document)) {
            problems.document(
                    null,
                    read.value().at(),
                    "a policy must be a JSON object, not " + read.value().describe());
            return new ParseResult(null, problems.list(), size);
        }
        reportUnknownElements(problems, document);
        String version = version(problems, document);
        String id = id(problems, document);
        List<Statement> statements = statements(problems, kind, document);
        if (!problems.isEmpty()) {
            return new ParseResult(null, problems.list(), size);
        }
        return new ParseResult(new PolicyDocument(name, kind, version, id, statements, size), List.of(), size);
    }

    private static void reportDuplicates(Problems problems, List<Member> duplicates) {
        for (Member duplicate : duplicates) {
            problems.document(
                    duplicate.name(),
                    duplicate.at(),
                    "\"" + duplicate.name()
                            + "\" appears twice in the same object: IAM rejects duplicate keys, keep one");
        }
    }

    private static void reportUnknownElements(Problems problems, JsonObject document) {
        for (Member member : document.members()) {
            if (!ELEMENTS.contains(member.name())) {
                problems.document(
                        member.name(),
                        member.at(),
                        "\"" + member.name()
                                + "\" is not a policy element: a policy has Version, Id and Statement (case-sensitive)");
            }
        }
    }

    private static @Nullable String version(Problems problems, JsonObject document) {
        Member member = document.member("Version");
        if (member == null) {
            return null;
        }
        if (member.value() instanceof JsonScalar scalar && scalar.isString() && VERSIONS.contains(scalar.text())) {
            return scalar.text();
        }
        problems.document(
                "Version",
                member.value().at(),
                "Version must be \"2012-10-17\" (or the older "
                        + "\"2008-10-17\"), the date of the policy language, not " + shown(member.value()));
        return null;
    }

    private static @Nullable String id(Problems problems, JsonObject document) {
        Member member = document.member("Id");
        if (member == null) {
            return null;
        }
        if (member.value() instanceof JsonScalar scalar && scalar.isString()) {
            return scalar.text();
        }
        problems.document(
                "Id",
                member.value().at(),
                "Id must be a string, not " + member.value().describe());
        return null;
    }

    private static List<Statement> statements(Problems problems, PolicyKind kind, JsonObject document) {
        Member member = document.member("Statement");
        if (member == null) {
            problems.document(
                    "Statement",
                    document.at(),
                    "the policy needs a Statement: a statement object or an " + "array of them");
            return List.of();
        }
        List<JsonValue> items = statementItems(problems, member);
        Map<String, Integer> sids = new HashMap<>();
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Statement statement = StatementReader.read(problems, kind, i, items.get(i), sids);
            if (statement != null) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** The statements as given: one object or a non-empty array; none, reported, when it is neither. */
    private static List<JsonValue> statementItems(Problems problems, Member member) {
        if (member.value() instanceof JsonArray array && !array.items().isEmpty()) {
            return array.items();
        }
        if (member.value() instanceof JsonObject) {
            return List.of(member.value());
        }
        problems.document(
                "Statement",
                member.value().at(),
                "Statement must be a statement object or a " + "non-empty array of them, not " + shown(member.value()));
        return List.of();
    }

    private static String shown(JsonValue value) {
        if (value instanceof JsonScalar scalar && scalar.isString()) {
            return "\"" + scalar.text() + "\"";
        }
        if (value instanceof JsonArray array && array.items().isEmpty()) {
            return "an empty array";
        }
        return value.describe();
    }
}
