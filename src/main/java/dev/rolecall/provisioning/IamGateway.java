package dev.rolecall.provisioning;

import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RoleRequestId;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The one place Rolecall touches the AWS SDK. Builds and keeps an {@link IamClient} (and, for
 * accounts with a provisioner role, an {@link StsClient}) per target account, and opens
 * {@link IamSession}s whose verbs take and return Rolecall types.
 *
 * <p>Credentials come from the SDK's default provider chain (environment, profile, SSO, web
 * identity, container or instance role). For an account with an {@code assumeRoleArn}, each
 * session assumes that role with the account's external id in an STS session named
 * {@code rolecall-<request id>}, so CloudTrail shows which request made each call. Throttling,
 * 5xx answers and network errors are retried with the SDK's standard retry mode and backoff, and
 * calls to one account keep within that account's rate limit, shared by every console on the
 * database ({@link IamRateLimits}). Any {@link ExecutionInterceptor} bean is added to the clients (tests
 * inject faults that way). Credentials are never logged.
 */
@Component
class IamGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IamGateway.class);
    private static final String SESSION_PREFIX = "rolecall-";
    static final String READ_SESSION = "rolecall-read";

    private final ProvisioningProperties properties;
    private final List<ExecutionInterceptor> interceptors;
    private final ProvisioningMetrics metrics;
    private final @Nullable IamRateLimits rateLimits;
    private final Map<TargetAccount, AccountClients> clients = new ConcurrentHashMap<>();
    private final DefaultCredentialsProvider credentials =
            DefaultCredentialsProvider.builder().build();
    private int readPageSize = LiveRoleReader.DEFAULT_PAGE_SIZE;

    @Autowired
    IamGateway(
            ProvisioningProperties properties,
            ObjectProvider<ExecutionInterceptor> interceptors,
            ProvisioningMetrics metrics,
            IamRateLimits rateLimits) {
        this(properties, interceptors.orderedStream().toList(), metrics, rateLimits);
    }

    /** A gateway whose rate limits are this gateway's own, not shared through a database (tests, tools). */
    IamGateway(ProvisioningProperties properties) {
        this(properties, List.of(), new ProvisioningMetrics(new SimpleMeterRegistry()), null);
    }

    IamGateway(
            ProvisioningProperties properties,
            List<ExecutionInterceptor> interceptors,
            ProvisioningMetrics metrics,
            @Nullable IamRateLimits rateLimits) {
        this.properties = properties;
        this.interceptors = Stream.concat(Stream.of(CountAttempts.INSTANCE), interceptors.stream())
                .toList();
        this.metrics = metrics;
        this.rateLimits = rateLimits;
    }

    /** Opens IAM in the account on behalf of the request; the caller closes the session. */
    IamSession open(TargetAccount account, RoleRequestId requestId) {
        return open(account, sessionName(requestId), requestId.toString());
    }

    /**
     * Opens IAM in the account to read roles for no request in particular (a form prefilled from the
     * live role, a role page), in an STS session named {@value #READ_SESSION}.
     */
    IamSession openForReading(TargetAccount account) {
        return open(account, READ_SESSION, "none");
    }

    /** The page size of the list calls that read a role; IAM's default unless a test asks for less. */
    IamGateway readPageSize(int pageSize) {
        this.readPageSize = pageSize;
        return this;
    }

    /**
     * Opens IAM in the account for changes that belong to no request (expiry, adoption, drift), in
     * an STS session of that name; the caller closes it.
     */
    IamSession openFor(TargetAccount account, String sessionName) {
        return open(account, sessionName, sessionName);
    }

    /**
     * Opens IAM in the account for work on roles that belongs to no request (expiry, import, drift),
     * as the provisioner role in an STS session named {@code sessionName}; the caller closes it.
     */
    AccountIam openForRoles(TargetAccount account, String sessionName) {
        AccountClients accountClients = clients.computeIfAbsent(account, this::build);
        StsAssumeRoleCredentialsProvider provisionerRole = null;
        if (account.assumeRoleArn() != null && accountClients.sts() != null) {
            provisionerRole = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(accountClients.sts())
                    .refreshRequest(assume -> assume.roleArn(account.assumeRoleArn())
                            .externalId(account.externalId())
                            .roleSessionName(sessionName))
                    .build();
        }
        return new AccountIam(
                accountClients.iam(), accountClients::awaitTurn, provisionerRole, account, sessionName, metrics);
    }

    private IamSession open(TargetAccount account, String sessionName, String request) {
        AccountClients accountClients = clients.computeIfAbsent(account, this::build);
        StsAssumeRoleCredentialsProvider provisionerRole = provisionerRole(account, accountClients, sessionName);
        return new SdkIamSession(accountClients, account, request, provisionerRole, metrics, readPageSize);
    }

    /**
     * Tests access to the account along the path an apply takes: the same clients, default
     * credentials, provisioner role and external id, retries and rate limit. The provisioner role's
     * STS session is named after the person testing, so CloudTrail shows who did.
     */
    AccessCheckResult checkAccess(TargetAccount account, String username) {
        AccountClients accountClients = clients.computeIfAbsent(account, this::build);
        try (StsAssumeRoleCredentialsProvider provisionerRole =
                provisionerRole(account, accountClients, checkSessionName(username))) {
            AwsCredentialsProvider caller = provisionerRole == null ? credentials : provisionerRole;
            return new AccessProbe(
                            account, accountClients.iam(), accountClients.sts(), caller, accountClients::awaitTurn)
                    .run();
        }
    }

    private static @Nullable StsAssumeRoleCredentialsProvider provisionerRole(
            TargetAccount account, AccountClients accountClients, String sessionName) {
        if (account.assumeRoleArn() == null) {
            return null;
        }
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(accountClients.sts())
                .refreshRequest(assume -> assume.roleArn(account.assumeRoleArn())
                        .externalId(account.externalId())
                        .roleSessionName(sessionName))
                .build();
    }

    /** The STS session name of an access check: the person's name in STS's characters, within its 64. */
    static String checkSessionName(String username) {
        String name = SESSION_PREFIX + "check-" + username.replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** The STS session name naming the request: 45 characters of {@code [\w+=,.@-]}, within STS's 64. */
    static String sessionName(RoleRequestId requestId) {
        return SESSION_PREFIX + requestId.value();
    }

    @Override
    public void close() {
        clients.values().forEach(AccountClients::close);
        clients.clear();
        credentials.close();
    }

    private AccountClients build(TargetAccount account) {
        IamClient iam = configure(IamClient.builder(), account).build();
        // STS for every account: to assume the provisioner role, and to say who Rolecall is there.
        StsClient sts = configure(StsClient.builder(), account).build();
        Bucket rateLimit = rateLimits == null
                ? Bucket.builder()
                        .addLimit(IamRateLimits.limit(properties.callsPerSecond()))
                        .build()
                : rateLimits.bucket(account.id());
        return new AccountClients(iam, sts, rateLimit, properties.callsPerSecond());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, TargetAccount account) {
        builder.region(Region.of(account.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retryStrategy())
                        .apiCallTimeout(properties.callTimeout())
                        .executionInterceptors(interceptors)
                        .build());
        if (account.endpoint() != null) {
            // An IAM emulator such as moto serves STS on the same endpoint.
            builder.endpointOverride(account.endpoint());
        }
        return builder;
    }

    /** The SDK's standard strategy (throttling, 5xx and network errors), with our attempts and backoff. */
    private RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(properties.maxAttempts())
                .backoffStrategy(
                        BackoffStrategy.exponentialDelay(properties.retryBaseDelay(), properties.retryMaxDelay()))
                // Throttled calls wait ten times longer, as in the SDK's own defaults (100 ms vs 1 s).
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                        properties.retryBaseDelay().multipliedBy(10), properties.retryMaxDelay()))
                .build();
    }

    /** @param capacity the tokens of the account's bucket: the most turns one operation may take */
    private record AccountClients(IamClient iam, StsClient sts, Bucket rateLimit, int capacity) {

        /** Waits until the account's rate limit allows one more call. */
        void awaitTurn() {
            awaitTurns(1);
        }

        /**
         * Waits until the account's rate limit allows {@code calls} more calls, taken in one bucket
         * operation; a bucket never holds more than its capacity, so at most that many are taken.
         *
         * @return the turns taken
         */
        int awaitTurns(int calls) {
            int turns = Math.min(calls, capacity);
            try {
                rateLimit.asBlocking().consume(turns);
                return turns;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the account's rate limit", e);
            }
        }

        void close() {
            iam.close();
            sts.close();
        }
    }

    /** IAM for one request: each verb is one logged, error-mapped SDK call. */
    private static final class SdkIamSession implements IamSession {

        private final ProvisioningMetrics meters;

        private final IamClient iam;
        private final AccountClients clients;
        private final TargetAccount account;
        /** The request the session acts for, as logged. */
        private final String requestId;

        private final @Nullable StsAssumeRoleCredentialsProvider provisionerRole;
        /** The attempts of the call in progress or last made, counted by {@link CountAttempts}. */
        private final AtomicInteger attempts = new AtomicInteger();

        private final int readPageSize;
        /** Turns of the account's rate limit this session took ahead and has not used yet. */
        private int reservedTurns;

        SdkIamSession(
                AccountClients clients,
                TargetAccount account,
                String requestId,
                @Nullable StsAssumeRoleCredentialsProvider provisionerRole,
                ProvisioningMetrics meters,
                int readPageSize) {
            this.meters = meters;
            this.iam = clients.iam();
            this.clients = clients;
            this.account = account;
            this.requestId = requestId;
            this.provisionerRole = provisionerRole;
            this.readPageSize = readPageSize;
        }

        @Override
        public Optional<LiveRole> readRole(String roleName) {
            long started = System.nanoTime();
            try {
                Optional<LiveRole> role = new LiveRoleReader(iam, this::asProvisioner, clients::awaitTurn, readPageSize)
                        .read(account.id(), roleName);
                meters.iamCall(account.id(), "ReadRole", true, Duration.ofNanos(System.nanoTime() - started), 1);
                log.info(
                        "action=ReadRole role={} account={} request={} outcome={}",
                        roleName,
                        account.id(),
                        requestId,
                        role.isPresent() ? "found" : "absent");
                return role;
            } catch (SdkException e) {
                IamCallFailedException failure = translate(e);
                meters.iamCall(account.id(), "ReadRole", false, Duration.ofNanos(System.nanoTime() - started), 1);
                logFailure("ReadRole", roleName, failure, e);
                throw failure;
            }
        }

        @Override
        public String createRole(IamCall.CreateRole call) {
            return send(
                    call,
                    () -> iam.createRole(request -> request.roleName(call.roleName())
                                    .path(call.path())
                                    .description(call.description())
                                    .assumeRolePolicyDocument(IamCall.text(call.assumeRolePolicyDocument()))
                                    .maxSessionDuration(call.maxSessionDuration())
                                    .permissionsBoundary(call.permissionsBoundary())
                                    .tags(tags(call.tags()))
                                    .overrideConfiguration(this::asProvisioner))
                            .role()
                            .arn());
        }

        @Override
        public void reserveTurns(int calls) {
            if (calls > reservedTurns) {
                reservedTurns += clients.awaitTurns(calls - reservedTurns);
            }
        }

        /** Uses a turn taken ahead, or waits for one. */
        private void awaitTurn() {
            if (reservedTurns > 0) {
                reservedTurns--;
            } else {
                clients.awaitTurn();
            }
        }

        @Override
        public Optional<ExistingRole> findRole(String roleName) {
            awaitTurn();
            try {
                Role role = iam.getRole(
                                request -> request.roleName(roleName).overrideConfiguration(this::asProvisioner))
                        .role();
                String requestIdTag = role.tags().stream()
                        .filter(tag -> tag.key().equals(ChangePlanner.REQUEST_ID_TAG))
                        .map(Tag::value)
                        .findFirst()
                        .orElse(null);
                return Optional.of(new ExistingRole(role.arn(), requestIdTag));
            } catch (NoSuchEntityException e) {
                return Optional.empty();
            } catch (SdkException e) {
                IamCallFailedException failure = translate(e);
                log.warn(
                        "action=GetRole role={} account={} request={} outcome=failed code={}",
                        roleName,
                        account.id(),
                        requestId,
                        failure.code());
                throw failure;
            }
        }

        @Override
        public void putRolePolicy(IamCall.PutRolePolicy call) {
            send(
                    call,
                    () -> iam.putRolePolicy(request -> request.roleName(call.roleName())
                            .policyName(call.policyName())
                            .policyDocument(IamCall.text(call.policyDocument()))
                            .overrideConfiguration(this::asProvisioner)));
        }

        @Override
        public void attachRolePolicy(IamCall.AttachRolePolicy call) {
            send(
                    call,
                    () -> iam.attachRolePolicy(request -> request.roleName(call.roleName())
                            .policyArn(call.policyArn())
                            .overrideConfiguration(this::asProvisioner)));
        }

        @Override
        public void change(IamChange call) {
            if (!remove(call)) {
                update(call);
            }
        }

        /** The calls that set part of a role. */
        private void update(IamChange call) {
            String role = call.roleName();
            if (call instanceof IamChange.UpdateAssumeRolePolicy update) {
                send(
                        call,
                        () -> iam.updateAssumeRolePolicy(request -> request.roleName(role)
                                .policyDocument(IamCall.text(update.policyDocument()))
                                .overrideConfiguration(this::asProvisioner)));
            } else if (call instanceof IamChange.UpdateRole update) {
                send(
                        call,
                        () -> iam.updateRole(request -> request.roleName(role)
                                .description(update.description())
                                .maxSessionDuration(update.maxSessionDuration())
                                .overrideConfiguration(this::asProvisioner)));
            } else if (call instanceof IamChange.PutRolePermissionsBoundary put) {
                send(
                        call,
                        () -> iam.putRolePermissionsBoundary(request -> request.roleName(role)
                                .permissionsBoundary(put.permissionsBoundary())
                                .overrideConfiguration(this::asProvisioner)));
            } else if (call instanceof IamChange.TagRole tag) {
                send(
                        call,
                        () -> iam.tagRole(request -> request.roleName(role)
                                .tags(tags(tag.tags()))
                                .overrideConfiguration(this::asProvisioner)));
            } else if (call instanceof IamChange.UntagRole untag) {
                send(
                        call,
                        () -> iam.untagRole(request -> request.roleName(role)
                                .tagKeys(untag.tagKeys())
                                .overrideConfiguration(this::asProvisioner)));
            } else {
                throw new IllegalArgumentException("not a change call: " + call.name());
            }
        }

        /** The calls that remove part of a role, or the role; what is gone already counts as removed. */
        private boolean remove(IamChange call) {
            String role = call.roleName();
            if (call instanceof IamChange.DeleteRolePermissionsBoundary) {
                undo(
                        call.name(),
                        role,
                        () -> iam.deleteRolePermissionsBoundary(
                                request -> request.roleName(role).overrideConfiguration(this::asProvisioner)));
            } else if (call instanceof IamChange.DeleteRolePolicy delete) {
                deleteRolePolicy(role, delete.policyName());
            } else if (call instanceof IamChange.DetachRolePolicy detach) {
                detachRolePolicy(role, detach.policyArn());
            } else if (call instanceof IamChange.RemoveRoleFromInstanceProfile profile) {
                undo(
                        call.name(),
                        role,
                        () -> iam.removeRoleFromInstanceProfile(request -> request.roleName(role)
                                .instanceProfileName(profile.instanceProfileName())
                                .overrideConfiguration(this::asProvisioner)));
            } else if (call instanceof IamChange.DeleteRole) {
                deleteRole(role);
            } else {
                return false;
            }
            return true;
        }

        @Override
        public void close() {
            if (provisionerRole != null) {
                provisionerRole.close();
            }
        }

        @Override
        public void detachRolePolicy(String roleName, String policyArn) {
            undo(
                    "DetachRolePolicy",
                    roleName,
                    () -> iam.detachRolePolicy(request -> request.roleName(roleName)
                            .policyArn(policyArn)
                            .overrideConfiguration(this::asProvisioner)));
        }

        @Override
        public void deleteRolePolicy(String roleName, String policyName) {
            undo(
                    "DeleteRolePolicy",
                    roleName,
                    () -> iam.deleteRolePolicy(request -> request.roleName(roleName)
                            .policyName(policyName)
                            .overrideConfiguration(this::asProvisioner)));
        }

        @Override
        public void deleteRole(String roleName) {
            undo(
                    "DeleteRole",
                    roleName,
                    () -> iam.deleteRole(
                            request -> request.roleName(roleName).overrideConfiguration(this::asProvisioner)));
        }

        /** A rollback call; NoSuchEntity means what it removes is gone already, which is the goal. */
        private void undo(String action, String roleName, Supplier<?> sdkCall) {
            try {
                send(action, roleName, sdkCall);
            } catch (IamCallFailedException e) {
                if (!"NoSuchEntity".equals(e.code())) {
                    throw e;
                }
                log.info(
                        "action={} role={} account={} request={} outcome=already-gone",
                        action,
                        roleName,
                        account.id(),
                        requestId);
            }
        }

        @Override
        public int attemptsOfLastCall() {
            return Math.max(1, attempts.get());
        }

        private void asProvisioner(AwsRequestOverrideConfiguration.Builder override) {
            override.putExecutionAttribute(CountAttempts.ATTEMPTS, attempts);
            if (provisionerRole != null) {
                override.credentialsProvider((AwsCredentialsProvider) provisionerRole);
            }
        }

        private <T> T send(IamCall call, Supplier<T> sdkCall) {
            return send(call.name(), call.roleName(), sdkCall);
        }

        private <T> T send(String action, String roleName, Supplier<T> sdkCall) {
            log.info(
                    "action={} role={} account={} request={} outcome=started",
                    action,
                    roleName,
                    account.id(),
                    requestId);
            awaitTurn();
            attempts.set(0);
            long started = System.nanoTime();
            try {
                T response = sdkCall.get();
                meters.iamCall(
                        account.id(),
                        action,
                        true,
                        Duration.ofNanos(System.nanoTime() - started),
                        attemptsOfLastCall());
                log.info(
                        "action={} role={} account={} request={} outcome=succeeded",
                        action,
                        roleName,
                        account.id(),
                        requestId);
                return response;
            } catch (SdkException e) {
                IamCallFailedException failure = translate(e, attemptsOfLastCall());
                meters.iamCall(
                        account.id(),
                        action,
                        false,
                        Duration.ofNanos(System.nanoTime() - started),
                        attemptsOfLastCall());
                logFailure(action, roleName, failure, e);
                throw failure;
            }
        }

        private void logFailure(String action, String roleName, IamCallFailedException failure, SdkException e) {
            String line = "action={} role={} account={} request={} outcome=failed code={} message={}";
            if (failure.code().equals(IamCallFailedException.CLIENT_ERROR)) {
                // No answer from AWS: the stack trace says why (DNS, TLS, connection, credentials).
                log.warn(line, action, roleName, account.id(), requestId, failure.code(), failure.getMessage(), e);
            } else {
                log.warn(line, action, roleName, account.id(), requestId, failure.code(), failure.getMessage());
            }
        }

        private static List<Tag> tags(Map<String, String> tags) {
            return tags.entrySet().stream()
                    .map(tag -> Tag.builder()
                            .key(tag.getKey())
                            .value(tag.getValue())
                            .build())
                    .toList();
        }
    }

    /**
     * Counts each attempt of a call (the first and every retry) in the counter the call carries as
     * an execution attribute: the session's count of its last call. The first of the clients'
     * interceptors, so an attempt that a later one fails (tests inject faults) counts too. Replaces
     * the SDK's metric collection, which would time every stage of every call only for its retry count.
     */
    static final class CountAttempts implements ExecutionInterceptor {

        static final CountAttempts INSTANCE = new CountAttempts();
        static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("RolecallCallAttempts");

        private CountAttempts() {}

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
            if (attempts != null) {
                attempts.incrementAndGet();
            }
        }
    }

    /**
     * AWS's own code and message when AWS (IAM, or STS while assuming the provisioner role)
     * answered; {@code ClientError} when the call never got an answer.
     */
    static IamCallFailedException translate(SdkException exception) {
        return translate(exception, 1);
    }

    static IamCallFailedException translate(SdkException exception, int attempts) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                String code = aws.awsErrorDetails().errorCode();
                String message = aws.awsErrorDetails().errorMessage();
                return new IamCallFailedException(
                        code == null ? "HTTP " + aws.statusCode() : code,
                        message == null ? String.valueOf(aws.getMessage()) : message,
                        exception,
                        attempts);
            }
        }
        return new IamCallFailedException(
                IamCallFailedException.CLIENT_ERROR, String.valueOf(exception.getMessage()), exception, attempts);
    }
}
