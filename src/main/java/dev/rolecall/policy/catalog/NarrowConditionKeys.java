package dev.rolecall.policy.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Service condition keys that only some actions of their service carry, from the AWS Service
 * Authorization Reference (the catalog lists condition keys per service, not per action). A
 * condition on one of these keys in a statement without those actions limits nothing, or everything.
 */
final class NarrowConditionKeys {

    private static final List<String> LISTING = List.of("s3:ListBucket", "s3:ListBucketVersions");
    private static final List<String> PASSING = List.of("iam:PassRole");

    /** Key in lower case → the actions that carry it. */
    static final Map<String, List<String>> ACTIONS = Map.of(
            "s3:prefix", LISTING,
            "s3:delimiter", LISTING,
            "s3:max-keys", LISTING,
            "iam:passedtoservice", PASSING,
            "iam:associatedresourcearn", PASSING);

    private NarrowConditionKeys() {}

    static List<String> actionsFor(String key) {
        return ACTIONS.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
}
