package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.permissions.AccessDecision;
import dev.rolecall.policy.permissions.AccessRequest;
import dev.rolecall.policy.simulation.PolicyEvaluator;
import dev.rolecall.policy.simulation.PolicySet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decisions per second of the simulator on a realistic role: three identity policies (22
 * statements, conditions and variables), a boundary, two SCP levels, a bucket policy and a session
 * policy, over a mix of allowed, explicitly and implicitly denied requests. Prints its numbers; run
 * with {@code ./mvnw -Pbench test -Dtest=SimulationBenchmark}.
 */
class SimulationBenchmark {

    private static final PolicyParser PARSER = new PolicyParser();
    private static final String ROLE = "arn:aws:sts::111122223333:assumed-role/app/build-42";

    private static PolicyDocument parse(PolicyKind kind, String name, String statements) {
        return PARSER.parse(kind, name, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}")
                .validDocument();
    }

    private static PolicySet role() {
        StringBuilder services = new StringBuilder();
        String[] names = {
            "sqs",
            "sns",
            "dynamodb",
            "lambda",
            "logs",
            "cloudwatch",
            "events",
            "states",
            "kms",
            "secretsmanager",
            "ssm",
            "ecr",
            "ecs",
            "xray"
        };
        for (int i = 0; i < names.length; i++) {
            services.append(i == 0 ? "" : ",")
                    .append("{\"Sid\":\"S")
                    .append(i)
                    .append("\",\"Effect\":\"Allow\",\"Action\":[\"")
                    .append(names[i])
                    .append(":Get*\",\"")
                    .append(names[i])
                    .append(":Describe*\",\"")
                    .append(names[i])
                    .append(":List*\"],")
                    .append("\"Resource\":\"arn:aws:")
                    .append(names[i])
                    .append(":eu-west-1:111122223333:*\"}");
        }
        PolicyDocument read = parse(PolicyKind.IDENTITY, "read", services.toString());
        PolicyDocument s3 = parse(PolicyKind.IDENTITY, "s3", """
                {"Sid":"Objects","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
                 "Resource":["arn:aws:s3:::invoices/*","arn:aws:s3:::home/${aws:username}/*"],
                 "Condition":{"Bool":{"aws:SecureTransport":"true"},"IpAddress":{"aws:SourceIp":["10.0.0.0/8"]}}},
                {"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::invoices",
                 "Condition":{"StringLike":{"s3:prefix":["2024/*","2025/*"]}}},
                {"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"},
                {"Sid":"Tags","Effect":"Allow","Action":"ec2:CreateTags","Resource":"*",
                 "Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","env"]}}}
                """);
        PolicyDocument pass = parse(PolicyKind.IDENTITY, "pass", """
                {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app-*",
                 "Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}},
                {"Effect":"Deny","NotAction":["s3:*","sqs:*","sns:*","dynamodb:*","lambda:*","logs:*","iam:PassRole",
                 "ec2:CreateTags","kms:*","ssm:*","ecr:*","ecs:*","xray:*","events:*","states:*","secretsmanager:*",
                 "cloudwatch:*"],"Resource":"*"},
                {"Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}
                """);
        PolicyDocument boundary = parse(PolicyKind.BOUNDARY, "boundary", """
                {"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"},
                {"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}
                """);
        PolicyDocument root = parse(
                PolicyKind.SERVICE_CONTROL,
                "FullAWSAccess",
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        PolicyDocument region = parse(PolicyKind.SERVICE_CONTROL, "regions", """
                {"Effect":"Allow","Action":"*","Resource":"*"},
                {"Effect":"Deny","NotAction":["iam:*","sts:*","organizations:*"],"Resource":"*",
                 "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}
                """);
        PolicyDocument bucket = parse(PolicyKind.RESOURCE, "invoices-bucket", """
                {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::invoices/*",
                 "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::invoices/*"}
                """);
        PolicyDocument session =
                parse(PolicyKind.SESSION, "session", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        return new PolicySet(
                List.of(read, s3, pass), List.of(boundary), List.of(List.of(root), List.of(region)), bucket, session);
    }

    private static List<AccessRequest> requests() {
        Map<String, List<String>> context = Map.of(
                "aws:SecureTransport",
                List.of("true"),
                "aws:SourceIp",
                List.of("10.1.2.3"),
                "aws:RequestedRegion",
                List.of("eu-west-1"),
                "aws:CurrentTime",
                List.of("2026-05-01T10:00:00Z"),
                "aws:username",
                List.of("alice"),
                "s3:prefix",
                List.of("2024/01/"),
                "aws:TagKeys",
                List.of("team"),
                "iam:PassedToService",
                List.of("lambda.amazonaws.com"));
        return List.of(
                new AccessRequest("s3:GetObject", "arn:aws:s3:::invoices/2024/a.pdf", ROLE, null, context),
                new AccessRequest("s3:PutObject", "arn:aws:s3:::home/alice/notes.txt", ROLE, null, context),
                new AccessRequest("s3:DeleteObject", "arn:aws:s3:::invoices/2024/a.pdf", ROLE, null, context),
                new AccessRequest("s3:ListBucket", "arn:aws:s3:::invoices", ROLE, null, context),
                new AccessRequest("sqs:GetQueueUrl", "arn:aws:sqs:eu-west-1:111122223333:jobs", ROLE, null, context),
                new AccessRequest(
                        "xray:GetTraceSummaries", "arn:aws:xray:eu-west-1:111122223333:group/x", ROLE, null, context),
                new AccessRequest("ec2:RunInstances", "*", ROLE, null, context),
                new AccessRequest("iam:PassRole", "arn:aws:iam::111122223333:role/app-worker", ROLE, null, context),
                new AccessRequest("iam:CreateUser", "*", ROLE, null, context),
                new AccessRequest("ec2:CreateTags", "*", ROLE, null, context),
                new AccessRequest("sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:jobs", ROLE, null, context),
                new AccessRequest("s3:GetObject", "arn:aws:s3:::payroll/2024/a.pdf", ROLE, null, context));
    }

    @Test
    void decisionsPerSecond() {
        PolicySet role = role();
        List<AccessRequest> requests = requests();
        PolicyEvaluator evaluator = PolicyFixtures.evaluator();

        Map<AccessDecision, Integer> mix = new EnumMap<>(AccessDecision.class);
        for (AccessRequest request : requests) {
            mix.merge(evaluator.evaluate(request, role).decision(), 1, Integer::sum);
        }
        assertThat(mix)
                .containsEntry(AccessDecision.ALLOWED, 7)
                .containsEntry(AccessDecision.EXPLICITLY_DENIED, 3)
                .containsEntry(AccessDecision.IMPLICITLY_DENIED, 2);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(evaluator, role, requests, 3_000);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long decisions = run(evaluator, role, requests, 5_000);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(
                "SimulationBenchmark: %,.0f decisions per CPU-second (%.1f µs each); %,.0f per wall-clock "
                        + "second on %d processors (load average %.1f)%n",
                decisions / cpuSeconds,
                cpuSeconds * 1e6 / decisions,
                decisions / wallSeconds,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(decisions).isPositive();
    }

    private static long run(PolicyEvaluator evaluator, PolicySet role, List<AccessRequest> requests, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long decisions = 0;
        int allowed = 0;
        while (System.nanoTime() < end) {
            for (AccessRequest request : requests) {
                if (evaluator.evaluate(request, role).allowed()) {
                    allowed++;
                }
                decisions++;
            }
        }
        assertThat(allowed).isPositive();
        return decisions;
    }
}
