package dev.rolecall.policy.findings;

import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.catalog.IamService;
import dev.rolecall.policy.model.Wildcard;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which resource types of a service a resource pattern covers entirely. A pattern covers a type in
 * every account when it matches every ARN of the type's format: {@code arn:aws:iam::*:role/*} covers
 * every role, {@code arn:aws:s3:::*} every bucket and object. It covers a type in one account when it
 * names that account and matches every ARN of the type there ({@code arn:aws:iam::111122223333:role/*}).
 * The partition and region as written never narrow the reach: a region is no boundary between the
 * workloads of an account. Thread-safe; answers are kept, since the same patterns come back.
 */
final class ResourceReach {

    /**
     * The types of one service a pattern covers.
     *
     * @param everyAccount type names covered in every account
     * @param oneAccount type names covered only in {@code account}
     * @param account the account the pattern names, when it covers some type there
     */
    record Covered(
            Set<String> everyAccount,
            Set<String> oneAccount,
            @Nullable String account) {

        static final Covered NOTHING = new Covered(Set.of(), Set.of(), null);

        boolean isEmpty() {
            return everyAccount.isEmpty() && oneAccount.isEmpty();
        }
    }

    private static final int CACHE_LIMIT = 20_000;
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** How a policy variable opens, as in {@code ${aws:username}}. */
    private static final String VARIABLE_START = "${";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");
    /** Values that no narrower pattern matches all of: different first and last characters, with / and :. */
    private static final String[] VALUES = {"Zq9", "a-b_c.d/e:f", "0"};

    private static final String[] ACCOUNTS = {"123456789012", "987654321098", "000000000001"};
    private static final String[] REGIONS = {"us-east-1", "ap-southeast-2", "eu-west-3"};

    private final IamCatalog catalog;
    private final Map<String, Covered> cache = new ConcurrentHashMap<>();

    ResourceReach(IamCatalog catalog) {
        this.catalog = catalog;
    }

    /** The types of {@code service} (lower-case prefix) that {@code pattern} covers. */
    Covered of(String pattern, String service) {
        String key = service + ' ' + pattern;
        Covered known = cache.get(key);
        if (known != null) {
            return known;
        }
        Covered covered = compute(pattern, service);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, covered);
        }
        return covered;
    }

    private Covered compute(String pattern, String service) {
        IamService known = catalog.service(service).orElse(null);
        if (known == null || pattern.contains(VARIABLE_START)) {
            return Covered.NOTHING;
        }
        String[] fields = pattern.split(":", 6);
        String account = fields.length == 6 && ACCOUNT.matcher(fields[4]).matches() ? fields[4] : null;
        Set<String> every = new TreeSet<>();
        Set<String> one = new TreeSet<>();
        for (Map.Entry<String, String> type : known.resourceTypes().entrySet()) {
            String[] format = type.getValue().split(":", 6);
            if (format.length != 6) {
                continue;
            }
            if (matchesAll(pattern, fields, format, null)) {
                every.add(type.getKey());
            } else if (account != null && matchesAll(pattern, fields, format, account)) {
                one.add(type.getKey());
            }
        }
        return every.isEmpty() && one.isEmpty()
                ? Covered.NOTHING
                : new Covered(every, one, one.isEmpty() ? null : account);
    }

    /** Whether the pattern matches every sample ARN of the format (in {@code account}, when given). */
    private static boolean matchesAll(String pattern, String[] fields, String[] format, @Nullable String account) {
        for (int i = 0; i < VALUES.length; i++) {
            String arn = "arn:"
                    + literal(fields, 1, "aws") + ":"
                    + format[2] + ":"
                    + (format[3].contains(VARIABLE_START) ? literal(fields, 3, REGIONS[i]) : format[3]) + ":"
                    + (format[4].contains(VARIABLE_START) ? (account != null ? account : ACCOUNTS[i]) : format[4]) + ":"
                    + VARIABLE.matcher(format[5]).replaceAll(VALUES[i]);
            if (!Wildcard.matches(pattern, arn, false)) {
                return false;
            }
        }
        return true;
    }

    /** The pattern's own value of a field when it is plain text, so that it does not narrow; else the sample. */
    private static String literal(String[] fields, int index, String sample) {
        if (fields.length != 6) {
            return sample;
        }
        String field = fields[index];
        return field.isEmpty() || field.indexOf('*') >= 0 || field.indexOf('?') >= 0 ? sample : field;
    }
}
