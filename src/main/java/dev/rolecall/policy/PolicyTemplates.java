package dev.rolecall.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Least-privilege policy templates: an inline policy with a few typed parameters, e.g. "read the
 * bucket {@code invoices} under {@code 2024/}". The shipped library is {@code
 * policy/policy-templates.json}; administrators add their own files of the same shape with {@code
 * rolecall.policy-templates.files}. A template's document names its parameters as {@code
 * {{name}}} inside string values; {@code {{account}}} is always the request's account.
 *
 * <p>Every value must match its parameter's pattern, and values only ever replace text inside JSON
 * strings, so a parameter can never add a statement, an action or a wildcard the template does not
 * have. A rendered policy is checked by the findings like any other inline policy; {@link
 * #recognise} tells a reviewer which template and values produced a document, and a document edited
 * afterwards is no longer recognised.
 */
public final class PolicyTemplates {

    /** The parameter every template may use without declaring it: the request's account. */
    public static final String ACCOUNT = "account";

    static final String SHIPPED = "/policy/policy-templates.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Map<String, TextPattern> TEXT_PATTERNS = new ConcurrentHashMap<>();
    private static final int LONGEST_VALUE = 512;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Template> templates;

    PolicyTemplates(List<Template> templates) {
        Set<String> ids = new LinkedHashSet<>();
        for (Template template : templates) {
            if (!ids.add(template.id())) {
                throw new IllegalStateException("policy template \"" + template.id() + "\" is defined twice");
            }
        }
        this.templates = List.copyOf(templates);
    }

    /** The shipped templates, then those of each file, in order. */
    public static PolicyTemplates read(List<Path> files) {
        List<Template> templates = new ArrayList<>(readShipped());
        for (Path file : files) {
            try (InputStream json = Files.newInputStream(file)) {
                templates.addAll(read(json, file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read policy templates from " + file, e);
            }
        }
        return new PolicyTemplates(templates);
    }

    static List<Template> readShipped() {
        try (InputStream json = PolicyTemplates.class.getResourceAsStream(SHIPPED)) {
            if (json == null) {
                throw new IllegalStateException("policy-templates.json is missing from the classpath");
            }
            return read(json, SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Template> read(InputStream json, String source) {
        List<Template> templates = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            templates.add(Template.of(node, source));
        }
        return templates;
    }

    /** Every template, shipped ones first. */
    public List<Template> all() {
        return templates;
    }

    public Optional<Template> byId(String id) {
        return templates.stream().filter(template -> template.id().equals(id)).findFirst();
    }

    /**
     * The template's document with the values put in, or the problem of each value that does not
     * fit its parameter (by parameter name). Nothing is rendered while any value is wrong.
     */
    public Rendering render(Template template, String accountId, Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (Parameter parameter : template.parameters()) {
            String value = values.getOrDefault(parameter.name(), "").trim();
            parameter.problem(value).ifPresent(problem -> problems.put(parameter.name(), problem));
            given.put(parameter.name(), value);
        }
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            problems.put(ACCOUNT, "Choose the account first: the policy names it.");
        }
        if (!problems.isEmpty()) {
            return new Rendering(null, problems);
        }
        given.put(ACCOUNT, accountId);
        return new Rendering(fill(template.document(), given), Map.of());
    }

    /**
     * The template and values that render exactly this document, if any: what a reviewer is shown
     * beside an inline policy. An edited document matches no template.
     */
    public Optional<Recognised> recognise(JsonNode document) {
        for (Template template : templates) {
            Map<String, String> values = new LinkedHashMap<>();
            if (matches(template.document(), document, values) && template.accepts(values)) {
                values.remove(ACCOUNT);
                values.values().removeIf(String::isEmpty);
                return Optional.of(new Recognised(template, values));
            }
        }
        return Optional.empty();
    }

    /** {@link #recognise(JsonNode)} for a document as typed in the form; text that is not JSON matches nothing. */
    public Optional<Recognised> recognise(String document) {
        try {
            return recognise(JSON.readTree(document));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static JsonNode fill(JsonNode node, Map<String, String> values) {
        if (node.isString()) {
            Matcher placeholders = PLACEHOLDER.matcher(node.asString());
            return JsonNodeFactory.instance.stringNode(placeholders.replaceAll(
                    found -> Matcher.quoteReplacement(values.getOrDefault(found.group(1), ""))));
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> array.add(fill(element, values)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(entry -> object.set(entry.getKey(), fill(entry.getValue(), values)));
            return object;
        }
        return node;
    }

    private static boolean matches(JsonNode template, JsonNode document, Map<String, String> values) {
        if (template.isString()) {
            return document.isString() && matchesText(template.asString(), document.asString(), values);
        }
        if (template.isArray() || template.isObject()) {
            if (template.isArray() != document.isArray()
                    || template.isObject() != document.isObject()
                    || template.size() != document.size()) {
                return false;
            }
            return template.isArray()
                    ? matchesElements(template, document, values)
                    : template.properties().stream()
                            .allMatch(entry -> document.has(entry.getKey())
                                    && matches(entry.getValue(), document.get(entry.getKey()), values));
        }
        return template.equals(document);
    }

    private static boolean matchesElements(JsonNode template, JsonNode document, Map<String, String> values) {
        for (int i = 0; i < template.size(); i++) {
            if (!matches(template.get(i), document.get(i), values)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is the template text with values in place, the same value for the same name. */
    private static boolean matchesText(String template, String text, Map<String, String> values) {
        TextPattern pattern = TEXT_PATTERNS.computeIfAbsent(template, TextPattern::of);
        Matcher matcher = pattern.regex().matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        for (int i = 0; i < pattern.names().size(); i++) {
            String earlier = values.putIfAbsent(pattern.names().get(i), matcher.group(i + 1));
            if (earlier != null && !earlier.equals(matcher.group(i + 1))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A template text as a regular expression with one group per placeholder, compiled once per text
     * (the texts are those of the loaded templates, so the cache stays as small as they are).
     */
    private record TextPattern(Pattern regex, List<String> names) {

        static TextPattern of(String template) {
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            Matcher placeholders = PLACEHOLDER.matcher(template);
            int at = 0;
            while (placeholders.find()) {
                regex.append(Pattern.quote(template.substring(at, placeholders.start())));
                regex.append("(.*?)");
                names.add(placeholders.group(1));
                at = placeholders.end();
            }
            regex.append(Pattern.quote(template.substring(at)));
            return new TextPattern(Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(names));
        }
    }

    /**
     * One template.
     *
     * @param id a short stable name, e.g. {@code s3-read}; inline policies made from it are named
     *     {@code tpl-<id>-<n>}
     * @param title what it gives, e.g. {@code Read a bucket or a prefix}
     * @param description one sentence on what it allows and what not
     * @param parameters the values the person fills in
     * @param document the policy with {@code {{name}}} placeholders
     */
    public record Template(String id, String title, String description, List<Parameter> parameters, JsonNode document) {

        public Template {
            parameters = List.copyOf(parameters);
        }

        static Template of(JsonNode node, String source) {
            String id = node.path("id").asString("");
            List<Parameter> parameters = new ArrayList<>();
            node.path("parameters").values().forEach(parameter -> parameters.add(Parameter.of(parameter, id)));
            Template template = new Template(
                    id,
                    node.path("title").asString(""),
                    node.path("description").asString(""),
                    parameters,
                    node.path("document"));
            template.check(source);
            return template;
        }

        private void check(String source) {
            if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*") || title.isBlank() || !document.isObject()) {
                throw new IllegalStateException("policy template \"" + id + "\" in " + source
                        + " needs an id of lower-case words joined by '-', a title and a document");
            }
            Set<String> declared = new LinkedHashSet<>(List.of(ACCOUNT));
            parameters.forEach(parameter -> declared.add(parameter.name()));
            Matcher used = PLACEHOLDER.matcher(document.toString());
            while (used.find()) {
                if (!declared.contains(used.group(1))) {
                    throw new IllegalStateException("policy template \"" + id + "\" in " + source + " uses {{"
                            + used.group(1) + "}} but declares no parameter of that name");
                }
            }
        }

        /** Whether every value fits its parameter and the account is an account id. */
        boolean accepts(Map<String, String> values) {
            String account = values.get(ACCOUNT);
            return (account == null || ACCOUNT_ID.matcher(account).matches())
                    && parameters.stream()
                            .allMatch(parameter -> parameter
                                    .problem(values.getOrDefault(parameter.name(), ""))
                                    .isEmpty());
        }
    }

    /**
     * One value a template needs.
     *
     * @param name as it appears in the document, e.g. {@code bucket}
     * @param label what the form calls it
     * @param pattern the whole value must match it
     * @param example shown as the field's placeholder
     * @param optional whether it may be left empty
     */
    public record Parameter(String name, String label, Pattern pattern, String example, boolean optional) {

        static Parameter of(JsonNode node, String template) {
            String name = node.path("name").asString("");
            if (!name.matches("[A-Za-z][A-Za-z0-9]*") || ACCOUNT.equals(name)) {
                throw new IllegalStateException(
                        "policy template \"" + template + "\" has a parameter named \"" + name + "\"");
            }
            try {
                return new Parameter(
                        name,
                        node.path("label").asString(name),
                        Pattern.compile(node.path("pattern").asString(".+")),
                        node.path("example").asString(""),
                        node.path("optional").asBoolean(false));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(
                        "policy template \"" + template + "\": the pattern of " + name + " is not a regular expression",
                        e);
            }
        }

        /** What is wrong with this value, in words, or nothing. */
        Optional<String> problem(String value) {
            if (value.isEmpty()) {
                return optional ? Optional.empty() : Optional.of(label + " is required.");
            }
            if (value.length() > LONGEST_VALUE || !pattern.matcher(value).matches()) {
                return Optional.of(label + " must look like " + example + " (no wildcards, spaces or quotes).");
            }
            return Optional.empty();
        }
    }

    /**
     * The outcome of {@link #render}.
     *
     * @param document the policy, or {@code null} when some value is wrong
     * @param problems what is wrong with each value, by parameter name ({@code account} when the
     *     request has no account yet)
     */
    public record Rendering(@Nullable JsonNode document, Map<String, String> problems) {

        public Rendering {
            problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }
    }

    /**
     * The template and values that produced a document.
     *
     * @param template the template
     * @param values the values by parameter name, without the account
     */
    public record Recognised(Template template, Map<String, String> values) {

        public Recognised {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
