package dev.rolecall.request.inbox;

import java.util.List;

/**
 * The values the inbox's filters accept, in the order the form offers them.
 *
 * @param accounts the configured account ids
 * @param environments the configured accounts' environments
 * @param findings every finding code the analysis makes
 */
public record InboxChoices(List<String> accounts, List<String> environments, List<String> findings) {

    public InboxChoices {
        accounts = List.copyOf(accounts);
        environments = List.copyOf(environments);
        findings = List.copyOf(findings);
    }
}
