package dev.rolecall.token;

import dev.rolecall.audit.AuditService;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Principals;
import dev.rolecall.identity.Role;
import dev.rolecall.identity.ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks API tokens. A token is {@code rc_} + 8 hex characters (its
 * prefix, stored in clear) + {@code _} + 256 random bits in base64url; only its SHA-256 is stored.
 * Checking a token costs one SHA-256 and one index lookup, never a password hash.
 */
@Service
class ApiTokenService {

    static final String CREATED = "token.created";
    static final String REVOKED = "token.revoked";
    static final String NEW_ADDRESS = "token.used_from_new_address";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REMEMBERED = 10_000;

    private final ApiTokenRepository tokens;
    private final Principals principals;
    private final AuditService audit;
    private final TokenProperties properties;
    private final Clock clock;
    private final Map<String, Boolean> knownAddresses = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiTokenService(
            ApiTokenRepository tokens,
            Principals principals,
            AuditService audit,
            TokenProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.principals = principals;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token just created, with its secret: shown once, never stored. */
    record Created(ApiToken token, String secret) {}

    /**
     * Creates a token for the person asking, after {@link TokenRequest#problems} found nothing.
     *
     * @throws InvalidTokenRequestException naming each field to fix
     */
    @Transactional
    Created create(TokenRequest request, CurrentUser owner) {
        return issue(request, owner, owner.username());
    }

    /**
     * Creates a token for an enabled service account; only admins may.
     *
     * @throws InvalidTokenRequestException naming each field to fix, or the account when it is disabled
     * @throws TokenNotFoundException when no service account has this name
     */
    @Transactional
    Created createFor(String accountName, TokenRequest request, CurrentUser admin) {
        ServiceAccount account = serviceAccount(accountName, admin);
        if (!account.enabled()) {
            throw new InvalidTokenRequestException(
                    Map.of("account", accountName + " is disabled: enable it before creating tokens for it"));
        }
        return issue(request, account.asUser(), admin.username());
    }

    /** The tokens of a service account, newest first; only admins may list them. */
    List<ApiToken> listFor(String accountName, CurrentUser admin) {
        return tokens.findByOwner(serviceAccount(accountName, admin).username());
    }

    /** The service account by name, for an admin. */
    ServiceAccount serviceAccount(String accountName, CurrentUser admin) {
        if (!admin.has(Role.ADMIN)) {
            throw new AccessDeniedException("only admins manage the tokens of service accounts");
        }
        return principals.serviceAccount(accountName).orElseThrow(() -> new TokenNotFoundException(accountName));
    }

    private Created issue(TokenRequest request, CurrentUser owner, String createdBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> problems = request.problems(owner, now, properties.maxLifetime());
        if (!problems.isEmpty()) {
            throw new InvalidTokenRequestException(problems);
        }
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String prefix = "rc_" + HexFormat.of().formatHex(id);
        String token = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken(
                UUID.randomUUID(),
                owner.username(),
                request.nameText(),
                prefix,
                request.scopeSet(),
                createdBy,
                now,
                request.expiry(),
                null,
                null,
                null);
        tokens.insert(stored, sha256(token));
        audit.record(createdBy, CREATED, describe(stored));
        return new Created(stored, token);
    }

    List<ApiToken> list(CurrentUser owner) {
        return tokens.findByOwner(owner.username());
    }

    /**
     * Revokes a token of the person asking (an admin may revoke anyone's); it stops working at once.
     *
     * @throws AccessDeniedException for someone else's token, or one that does not exist
     */
    @Transactional
    ApiToken revoke(UUID id, CurrentUser by) {
        ApiToken token = tokens.find(id)
                .filter(found -> found.owner().equals(by.username()) || by.has(Role.ADMIN))
                .orElseThrow(() -> new TokenNotFoundException(id));
        if (tokens.revoke(id, by.username(), clock.instant())) {
            audit.record(by.username(), REVOKED, describe(token));
        }
        return token;
    }

    /**
     * The owner and token behind a presented secret, if the token exists, is neither revoked nor
     * expired, and its owner may still act (a local user, an enabled service account, or a person
     * whose provider groups mapped to a role at their last sign-in and whom no admin disabled),
     * with the owner's roles as they are now. Records the use (at most once a minute per token) and
     * audits the first use from each address.
     */
    @Transactional
    Optional<Authenticated> authenticate(String presented, String address) {
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findBySecretHash(sha256(presented)).filter(token -> token.activeAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<CurrentUser> owner = principals.activeOwner(token.owner());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        noteUse(token, address, now);
        return Optional.of(new Authenticated(token, owner.get()));
    }

    /** A token that passed, and its owner as the directory knows them now. */
    record Authenticated(ApiToken token, CurrentUser owner) {}

    private void noteUse(ApiToken token, String address, Instant now) {
        Instant touched = lastTouched.get(token.id());
        if (touched == null || touched.isBefore(now.minusSeconds(60))) {
            tokens.touch(token.id(), address, now);
            remember(lastTouched, token.id(), now);
        }
        String key = token.id() + "|" + address;
        if (knownAddresses.containsKey(key)) {
            return;
        }
        if (tokens.rememberAddress(token.id(), address, now)) {
            Map<String, Object> details = describe(token);
            details.put("clientAddress", address);
            audit.record(token.owner(), NEW_ADDRESS, details);
        }
        remember(knownAddresses, key, Boolean.TRUE);
    }

    private static <K, V> void remember(Map<K, V> map, K key, V value) {
        if (map.size() >= MAX_REMEMBERED) {
            map.clear();
        }
        map.put(key, value);
    }

    private static Map<String, Object> describe(ApiToken token) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokenId", token.id().toString());
        details.put("prefix", token.prefix());
        details.put("name", token.name());
        details.put("owner", token.owner());
        details.put("scopes", token.scopeNames());
        details.put("expiresAt", token.expiresAt().toString());
        return details;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Scopes an owner may give a token, and of a token's scopes those that work at each call: those
     * the owner's roles can use now.
     */
    static boolean mayHold(CurrentUser owner, TokenScope scope) {
        return switch (scope) {
            case AUDIT_READ -> owner.canReadAudit();
            case DECISIONS_WRITE -> owner.has(Role.REVIEWER) || owner.has(Role.ADMIN);
            case REQUESTS_WRITE -> owner.has(Role.REQUESTER);
            case REQUESTS_READ -> true;
        };
    }
}
