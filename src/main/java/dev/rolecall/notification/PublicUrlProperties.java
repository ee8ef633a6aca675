package dev.rolecall.notification;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The console's address as its users reach it, {@code rolecall.public-url}: every link in a
 * notification starts with it, never with a host taken from a request.
 *
 * @param publicUrl e.g. {@code https://rolecall.example.com}
 */
@ConfigurationProperties("rolecall")
@Validated
record PublicUrlProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    @AssertTrue(message = "rolecall.public-url must be an absolute http or https URL without query or fragment")
    boolean isPublicUrlValid() {
        return isHttpUrl(publicUrl) && publicUrl.getRawQuery() == null && publicUrl.getRawFragment() == null;
    }

    /** The console's page at {@code path}, e.g. {@code /requests/<id>}. */
    String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    static boolean isHttpUrl(URI uri) {
        return uri.isAbsolute()
                && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                && uri.getHost() != null;
    }
}
