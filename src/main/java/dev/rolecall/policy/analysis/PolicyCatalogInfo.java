package dev.rolecall.policy.analysis;

import java.time.LocalDate;

/**
 * Which reference data the analysis uses, for the UI ("checked against catalog 2026-09-26") and the API.
 *
 * @param catalogSource the npm package of the IAM action catalog
 * @param catalogVersion its version
 * @param catalogDate the day of its data
 * @param services how many services it lists
 * @param actions how many actions it lists
 * @param managedPoliciesVersion the version of the shipped AWS managed policies
 */
public record PolicyCatalogInfo(
        String catalogSource,
        String catalogVersion,
        LocalDate catalogDate,
        int services,
        int actions,
        String managedPoliciesVersion) {}
