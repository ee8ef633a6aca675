package dev.rolecall.routing;

import dev.rolecall.policy.analysis.RiskLevel;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a routing rule matches on: the facts of one revision of a request.
 *
 * @param accountId the 12-digit target account
 * @param environment the account's environment, e.g. {@code prod}; empty when the account is unknown
 * @param kind what the request does to its role: CREATE, CHANGE, DELETE or IMPORT
 * @param risk the revision's risk level, if it was analysed
 * @param findingCodes the codes of the revision's findings
 * @param roleName the role's name
 * @param path the role's path, e.g. {@code /}
 * @param requesterTeam the requester's team, if any
 */
public record RouteQuery(
        String accountId,
        String environment,
        String kind,
        @Nullable RiskLevel risk,
        Set<String> findingCodes,
        String roleName,
        String path,
        @Nullable String requesterTeam) {

    public RouteQuery {
        findingCodes = Set.copyOf(findingCodes);
    }
}
