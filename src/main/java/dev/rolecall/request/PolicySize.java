package dev.rolecall.request;

import tools.jackson.databind.JsonNode;

/** Policy size as IAM counts it: characters of the JSON text without whitespace. */
final class PolicySize {

    private PolicySize() {}

    static int of(JsonNode document) {
        String json = RoleSpecConverter.JSON.writeValueAsString(document);
        int count = 0;
        for (int i = 0; i < json.length(); i++) {
            if (!Character.isWhitespace(json.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
