package dev.rolecall.inventory;

import dev.rolecall.request.RoleSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Role specs for the inventory's tests. */
final class InventorySpecs {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},\
            "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"444455556666"}}}]}""";

    static final String READ_BUCKET = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],\
            "Resource":"arn:aws:s3:::payments-reports/*"}]}""";

    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String BOUNDARY = "arn:aws:iam::aws:policy/PowerUserAccess";

    private InventorySpecs() {}

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** An inline and a managed policy, a boundary and a tag; optionally an expiry. */
    static RoleSpec spec(String accountId, String roleName, @Nullable Instant expiresAt) {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        inline.put("read-reports", json(READ_BUCKET));
        return new RoleSpec(
                accountId,
                roleName,
                "/",
                "Reads payment reports",
                json(TRUST),
                List.of(READ_ONLY),
                inline,
                BOUNDARY,
                3600,
                Map.of("team", "payments"),
                expiresAt);
    }
}
