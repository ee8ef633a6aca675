package dev.rolecall.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSenderTests {

    @Test
    void slackMarkupCharactersShowAsWritten() {
        assertThat(WebhookSender.slackEscaped("<!channel> a & b > c <https://evil.example|click>"))
                .isEqualTo("&lt;!channel&gt; a &amp; b &gt; c &lt;https://evil.example|click&gt;");
    }
}
