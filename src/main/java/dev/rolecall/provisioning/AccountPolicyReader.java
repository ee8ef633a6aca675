package dev.rolecall.provisioning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.CustomerManagedPolicies;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;

/**
 * Reads an account's customer-managed policies for the policy picker through the clients,
 * credentials, provisioner role, retries and rate limit of an apply. A listing is kept for a minute
 * per account, so typing in the picker does not call AWS on every keystroke; a default version's
 * document is kept for ten minutes, and only the documents of the policies shown are read.
 */
@Service
class AccountPolicyReader implements CustomerManagedPolicies {

    private static final Logger log = LoggerFactory.getLogger(AccountPolicyReader.class);
    private static final String SESSION = "rolecall-policy-picker";
    static final Duration LISTING_KEPT = Duration.ofSeconds(60);
    private static final Duration DOCUMENT_KEPT = Duration.ofMinutes(10);

    private final AccountRegistry accounts;
    private final IamGateway gateway;
    private final int pageSize;
    private final Cache<String, Listing> listings = Caffeine.newBuilder()
            .expireAfterWrite(LISTING_KEPT)
            .maximumSize(200)
            .build();
    private final Cache<String, String> documents = Caffeine.newBuilder()
            .expireAfterWrite(DOCUMENT_KEPT)
            .maximumSize(5_000)
            .build();

    @Autowired
    AccountPolicyReader(AccountRegistry accounts, IamGateway gateway) {
        this(accounts, gateway, AccountIam.PAGE_SIZE);
    }

    AccountPolicyReader(AccountRegistry accounts, IamGateway gateway, int pageSize) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.pageSize = pageSize;
    }

    @Override
    public Listing list(String accountId) {
        Optional<TargetAccount> found = accounts.find(accountId);
        if (found.isEmpty()) {
            return Listing.unavailable("Account " + accountId + " is not one of Rolecall's accounts, so its"
                    + " customer-managed policies are not listed.");
        }
        TargetAccount account = found.get();
        if (!account.applies()) {
            return Listing.unavailable("Account " + account.name() + " (" + account.id() + ") is plan-only:"
                    + " Rolecall makes no calls to AWS there, so its customer-managed policies are not listed.");
        }
        return listings.get(account.id(), id -> read(account));
    }

    @Override
    public Optional<String> defaultDocument(String accountId, CustomerPolicy policy) {
        Optional<TargetAccount> account = accounts.find(accountId).filter(TargetAccount::applies);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(documents.get(
                accountId + " " + policy.arn() + " " + policy.defaultVersionId(),
                key -> document(account.get(), policy)));
    }

    private Listing read(TargetAccount account) {
        try (AccountIam iam = gateway.openForRoles(account, SESSION)) {
            return Listing.of(iam.listLocalPolicies(pageSize).stream()
                    .map(policy -> new CustomerPolicy(policy.policyName(), policy.arn(), policy.defaultVersionId()))
                    .toList());
        } catch (IamCallFailedException e) {
            return Listing.unavailable("Account " + account.name() + "'s customer-managed policies are not listed: "
                    + inWords(e.code()) + " (" + e.code() + ").");
        }
    }

    private @Nullable String document(TargetAccount account, CustomerPolicy policy) {
        try (AccountIam iam = gateway.openForRoles(account, SESSION)) {
            return iam.policyDocument(policy.arn(), policy.defaultVersionId());
        } catch (IamCallFailedException | JacksonException e) {
            log.warn("policy={} account={} document not read: {}", policy.arn(), account.id(), e.getMessage());
            return null;
        }
    }

    /** What an AWS error code means for the person looking for a policy. */
    static String inWords(String code) {
        return switch (code) {
            case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation" ->
                "Rolecall's role there may not list policies";
            case "InvalidClientTokenId", "ExpiredToken", "SignatureDoesNotMatch", "UnrecognizedClientException" ->
                "AWS did not accept Rolecall's credentials";
            case "Throttling", "ThrottlingException", "RequestLimitExceeded" ->
                "AWS is limiting Rolecall's calls right now; try again in a minute";
            case IamCallFailedException.CLIENT_ERROR -> "AWS could not be reached";
            default -> "AWS refused the list";
        };
    }
}
