package dev.rolecall.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts a notification to a webhook as JSON with a Slack-compatible {@code text}. Redirects are not
 * followed, and any answer but 2xx is a failure, so the message is tried again later. The HTTP client
 * (with its TLS context, about a tenth of a second to make) is made for the first webhook, not while the
 * console starts.
 */
@Component
class WebhookSender {

    private final SingletonSupplier<RestClient> http;

    WebhookSender(NotificationProperties properties) {
        this.http = SingletonSupplier.of(() -> client(properties));
    }

    private static RestClient client(NotificationProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.webhookTimeout());
        return RestClient.builder().requestFactory(requests).build();
    }

    void send(URI webhook, String text) {
        try {
            http.obtain()
                    .post()
                    .uri(webhook)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("text", slackEscaped(text)))
                    .retrieve()
                    .onStatus(status -> !status.is2xxSuccessful(), (request, response) -> {
                        throw new DeliveryFailedException("webhook answered HTTP "
                                + response.getStatusCode().value());
                    })
                    .toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw new DeliveryFailedException(
                    "webhook answered HTTP " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            Throwable cause = e.getMostSpecificCause();
            throw new DeliveryFailedException(
                    "webhook unreachable: " + cause.getClass().getSimpleName(), e);
        }
    }

    /** Slack reads {@code & < >} as markup; escaped, a role name or comment shows as written. */
    static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
