package dev.rolecall.provisioning;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * Fault injection for the IAM clients: an SDK interceptor that answers chosen attempts of chosen
 * operations with an AWS error before the request leaves the JVM, so the emulator never sees (or
 * acts on) a faulted attempt, while the SDK's retry strategy sees exactly what AWS would send.
 */
class IamFaults implements ExecutionInterceptor {

    /** What a faulted attempt answers. */
    enum Fault {
        /** 400 Throttling: "Rate exceeded", retried with the throttling backoff. */
        THROTTLING(400, "Throttling", "Rate exceeded"),
        /** 500 ServiceFailure, retried with the ordinary backoff. */
        SERVER_ERROR(500, "ServiceFailure", "Internal failure (injected)");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    private record Plan(Fault fault, AtomicInteger remaining) {}

    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> transmitted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rolesCreated = new ConcurrentHashMap<>();

    /** The next {@code times} attempts of the operation (e.g. {@code CreateRole}) fail with the fault. */
    void fail(String operation, Fault fault, int times) {
        plans.put(operation, new Plan(fault, new AtomicInteger(times)));
    }

    /** Every attempt of the operation fails with the fault until {@link #clear()}. */
    void failAlways(String operation, Fault fault) {
        fail(operation, fault, Integer.MAX_VALUE);
    }

    void clear() {
        plans.clear();
        transmitted.clear();
        accepted.clear();
        rolesCreated.clear();
    }

    /** Attempts of the operation that left the JVM (an SDK retry after a network error counts again). */
    int transmitted(String operation) {
        return transmitted.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** Calls of the operation that the emulator accepted. */
    int accepted(String operation) {
        return accepted.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** How often a CreateRole for each role name was accepted. */
    Map<String, Integer> rolesCreated() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        rolesCreated.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        accepted.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
        if (context.request() instanceof CreateRoleRequest create) {
            rolesCreated
                    .computeIfAbsent(create.roleName(), key -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Plan plan = plans.get(operation);
        if (plan != null && plan.remaining().getAndDecrement() > 0) {
            throw IamException.builder()
                    .statusCode(plan.fault().status)
                    .message(plan.fault().message)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode(plan.fault().code)
                            .errorMessage(plan.fault().message)
                            .serviceName("Iam")
                            .sdkHttpResponse(SdkHttpResponse.builder()
                                    .statusCode(plan.fault().status)
                                    .build())
                            .build())
                    .build();
        }
        transmitted.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
    }
}
