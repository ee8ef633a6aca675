package dev.rolecall.policy.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Actions that carry a service condition key although the AWS Service Authorization Reference (the
 * catalog's per-action condition keys) does not list the key for them. Only what the data does not
 * cover belongs here, each with where AWS uses the key on those actions.
 */
final class UnlistedConditionKeyCarriers {

    /** Key in lower case → the actions that also carry it. */
    static final Map<String, List<String>> ACTIONS = Map.of(
            // The reference lists aws-marketplace:ProductId only for the agreement-request actions, but
            // AWS's own managed policies (AnthropicFullAccess, ROSAManageSubscription,
            // AmazonTimestreamInfluxDBFullAccess) limit subscribing and unsubscribing to products with it.
            "aws-marketplace:productid", List.of("aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe"));

    private UnlistedConditionKeyCarriers() {}

    static List<String> actionsFor(String catalogKey) {
        return ACTIONS.getOrDefault(catalogKey.toLowerCase(Locale.ROOT), List.of());
    }
}
