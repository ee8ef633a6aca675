package dev.rolecall.request;

import dev.rolecall.request.spec.RoleSpecConverter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Valid specs for tests, in the demo account every test context configures. */
public final class RoleSpecs {

    public static final String ACCOUNT = "111122223333";

    private RoleSpecs() {}

    public static JsonNode json(String text) {
        return RoleSpecConverter.JSON.readTree(text);
    }

    public static JsonNode lambdaTrust() {
        return json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");
    }

    public static JsonNode readLogs() {
        return json("""
                {"Version":"2012-10-17","Statement":[{"Sid":"ReadLogs","Effect":"Allow",
                 "Action":["logs:GetLogEvents","logs:FilterLogEvents"],"Resource":"*"}]}""");
    }

    public static RoleSpec valid() {
        return valid("ci-deployer");
    }

    public static RoleSpec valid(String roleName) {
        return valid(ACCOUNT, roleName);
    }

    /** The valid role in another account, its boundary from that account. */
    public static RoleSpec valid(String accountId, String roleName) {
        return new RoleSpec(
                accountId,
                roleName,
                "/ci/",
                "Deploys payments-api",
                lambdaTrust(),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                Map.of("read-logs", readLogs()),
                "arn:aws:iam::" + accountId + ":policy/boundary",
                7200,
                Map.of("team", "payments"),
                null);
    }
}
