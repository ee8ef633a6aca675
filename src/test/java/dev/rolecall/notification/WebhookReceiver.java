package dev.rolecall.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook on the loopback interface that keeps every body it is posted, and answers with the
 * status a test sets: 204 when it is up, 500 while it is down.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .startsWith("application/json");
            if (down || !json || !"POST".equals(exchange.getRequestMethod())) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
            } else {
                received.add(body);
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + path);
    }

    void down(boolean down) {
        this.down = down;
    }

    /** The JSON bodies taken while up, in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** How many posts were answered 500. */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
