package dev.rolecall.provisioning;

import dev.rolecall.request.RoleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Role specs the provisioning tests share. */
final class TestSpecs {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    static final String READ_BUCKET = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow",
              "Action":["s3:GetObject","s3:ListBucket"],
              "Resource":["arn:aws:s3:::payments-reports","arn:aws:s3:::payments-reports/*"]}]}""";
    static final String WRITE_QUEUE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage",
              "Resource":"arn:aws:sqs:us-east-1:111122223333:payments"}]}""";
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String CLOUDWATCH_READ_ONLY = "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess";
    static final String BOUNDARY = "arn:aws:iam::aws:policy/PowerUserAccess";

    private TestSpecs() {}

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Every field set: two inline policies, two managed policies, boundary, tags. */
    static RoleSpec full(String accountId, String roleName) {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        inline.put("read-reports", json(READ_BUCKET));
        inline.put("send-payments", json(WRITE_QUEUE));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "payments");
        tags.put("cost-center", "cc-1234");
        return new RoleSpec(
                accountId,
                roleName,
                "/payments/",
                "Reads payment reports",
                json(TRUST),
                List.of(READ_ONLY, CLOUDWATCH_READ_ONLY),
                inline,
                BOUNDARY,
                7200,
                tags,
                null);
    }

    /** Only what IAM requires: no description, boundary, policies or tags. */
    static RoleSpec minimal(String accountId, String roleName) {
        return new RoleSpec(
                accountId,
                roleName,
                "/",
                null,
                json(TRUST),
                List.of(),
                Map.of(),
                null,
                RoleSpec.DEFAULT_SESSION_SECONDS,
                Map.of(),
                null);
    }
}
