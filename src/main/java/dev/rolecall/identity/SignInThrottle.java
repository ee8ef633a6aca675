package dev.rolecall.identity;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Throttles failed sign-ins with Bucket4j token buckets, one per attempted user name and one per
 * client address. Every attempt spends a token from both before the password is checked, so
 * parallel attempts cannot slip past the limit; a right password gives the address its token back
 * and clears the name's bucket. A name or address with no token left is refused — the right
 * password included — until it has one again.
 *
 * <p>Each bucket holds several limits (see {@link IdentityProperties.SignIn}): {@code n} tokens
 * refilled over the window, then {@code n+1} refilled half as fast, {@code n+2} a quarter as fast…
 * Once the first is empty a try waits {@code window / n}; each further failure empties the next,
 * slower limit, so the wait doubles. The buckets live where the {@link ProxyManager} keeps them
 * (PostgreSQL in the application) and expire once full again.
 */
class SignInThrottle {

    /** Which allowance ran out. */
    enum Limit {
        NAME,
        ADDRESS
    }

    /** A refused attempt: which allowance ran out and how long until the next try. */
    record Refusal(Limit limit, Duration retryAfter) {}

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private static final BucketConfiguration RECORD_REFUSALS = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMinutes(1)))
            .build();

    private final ProxyManager<String> buckets;
    private final BucketConfiguration perName;
    private final BucketConfiguration perAddress;

    SignInThrottle(ProxyManager<String> buckets, IdentityProperties.SignIn limits) {
        this.buckets = buckets;
        this.perName = limits(limits.failuresPerName(), limits.window(), limits.backOffSteps());
        this.perAddress = limits(limits.failuresPerAddress(), limits.window(), limits.backOffSteps());
    }

    /**
     * Spends one try for {@code username} from {@code clientAddress}.
     *
     * @return empty when the attempt may check its password; else why and how long to wait
     */
    Optional<Refusal> tryAttempt(String username, String clientAddress) {
        ConsumptionProbe byName = nameBucket(username).tryConsumeAndReturnRemaining(1);
        if (!byName.isConsumed()) {
            return Optional.of(refusal(Limit.NAME, byName));
        }
        ConsumptionProbe byAddress = addressBucket(clientAddress).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            nameBucket(username).addTokens(1);
            return Optional.of(refusal(Limit.ADDRESS, byAddress));
        }
        return Optional.empty();
    }

    /**
     * The password was right: the name starts afresh, and the address gets back the one try it
     * spent. Failures other names had from the same address still count.
     */
    void succeeded(String username, String clientAddress) {
        buckets.removeProxy(nameKey(username));
        addressBucket(clientAddress).addTokens(1);
    }

    /** The attempt could not be checked (not the person's fault): both tries are given back. */
    void abandoned(String username, String clientAddress) {
        nameBucket(username).addTokens(1);
        addressBucket(clientAddress).addTokens(1);
    }

    /**
     * Whether this refusal should be written to the audit trail: the first refusal of a name or
     * address is, and then at most one a minute, so a client that keeps knocking cannot fill the
     * append-only trail.
     */
    boolean worthRecording(Refusal refusal, String username, String clientAddress) {
        String key = refusal.limit() == Limit.NAME ? nameKey(username) : addressKey(clientAddress);
        return buckets.getProxy("notice:" + key, () -> RECORD_REFUSALS).tryConsume(1);
    }

    private BucketProxy nameBucket(String username) {
        return buckets.getProxy(nameKey(username), () -> perName);
    }

    private BucketProxy addressBucket(String clientAddress) {
        return buckets.getProxy(addressKey(clientAddress), () -> perAddress);
    }

    static String nameKey(String username) {
        return "name:" + sha256(username);
    }

    /**
     * IPv6 clients usually hold a whole /64, so an IPv6 address counts by its first 64 bits;
     * an IPv4 address counts as itself.
     */
    static String addressKey(String clientAddress) {
        String address = clientAddress;
        if (IPV6.matcher(clientAddress).matches()) {
            try {
                byte[] bytes = InetAddress.getByName(clientAddress).getAddress();
                if (bytes.length == 16) {
                    address = HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
            } catch (UnknownHostException e) {
                // not a literal after all: count it as the text it is
            }
        }
        return "address:" + sha256(address);
    }

    private static Refusal refusal(Limit limit, ConsumptionProbe probe) {
        long nanos = Math.max(probe.getNanosToWaitForRefill(), 1);
        Duration wait = Duration.ofNanos(nanos);
        // Whole seconds, rounded up, so that a client that waits as told is let in.
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return new Refusal(limit, Duration.ofSeconds(seconds));
    }

    /**
     * {@code failures} tries refilled over {@code window}; then for each step one more try,
     * refilled at half the previous rate.
     */
    static BucketConfiguration limits(int failures, Duration window, int steps) {
        var builder = BucketConfiguration.builder();
        Duration perTry = window.dividedBy(failures);
        for (int step = 0; step <= steps; step++) {
            long capacity = failures + step;
            Duration refillOne = perTry.multipliedBy(1L << step);
            builder.addLimit(
                    limit -> limit.capacity(capacity).refillGreedy(capacity, refillOne.multipliedBy(capacity)));
        }
        return builder.build();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
