package dev.rolecall.policy.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS service of the catalog.
 *
 * @param prefix the service prefix in lower case, e.g. {@code s3}
 * @param name the service's name, e.g. {@code Amazon S3}
 * @param actions its actions in name order
 * @param resourceTypes resource type name to ARN format, e.g. {@code bucket → arn:${Partition}:s3:::${BucketName}}
 * @param conditionKeys the service's own condition keys
 */
public record IamService(
        String prefix,
        String name,
        List<IamAction> actions,
        Map<String, String> resourceTypes,
        ConditionKeys conditionKeys) {

    /** The action with this name, case-insensitively. */
    public Optional<IamAction> action(String actionName) {
        String wanted = actionName.toLowerCase(Locale.ROOT);
        int low = 0;
        int high = actions.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = actions.get(middle).name().toLowerCase(Locale.ROOT).compareTo(wanted);
            if (order == 0) {
                return Optional.of(actions.get(middle));
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }
}
