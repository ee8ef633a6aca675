package dev.rolecall;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the console's configuration is
 * known, so that the server comes up while Spring reads its configuration and builds the beans that
 * need no database; the {@link EmbeddedPostgresServer} bean then waits for it. Added by {@link
 * RolecallApplication#main} only, and only when the embedded database is the one configured.
 *
 * <p>A start-up that fails before the server is handed to its bean still stops the server: this
 * object is a disposable singleton of the context, destroyed with the context's beans.
 */
final class EmbeddedPostgresEarlyStart
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, DisposableBean {

    static final String BEAN_NAME = "embeddedPostgresEarlyStart";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

    private @Nullable CompletableFuture<EmbeddedPostgresServer> server;
    private boolean handedOver;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty(EmbeddedDefaults.EMBEDDED, Boolean.class, false)
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
            return;
        }
        DatabaseProperties properties =
                Binder.get(environment).bindOrCreate("rolecall.database", DatabaseProperties.class);
        server = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresServer.start(properties.dataDirectory(), properties.port()), task -> {
                    Thread thread = new Thread(task, "embedded-postgres-start");
                    thread.setDaemon(true);
                    thread.start();
                });
        beans.registerSingleton(BEAN_NAME, this);
        beans.registerDisposableBean(BEAN_NAME, this);
    }

    /**
     * The started server, once it is up; its bean closes it from then on.
     *
     * @throws EmbeddedDatabaseException as {@link EmbeddedPostgresServer#start} does
     */
    synchronized EmbeddedPostgresServer await() {
        if (server == null) {
            throw new IllegalStateException("the embedded database was not started early");
        }
        try {
            EmbeddedPostgresServer started = server.join();
            handedOver = true;
            return started;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops a server that started but never reached its bean (the context failed before). */
    @Override
    public synchronized void destroy() {
        if (server == null || handedOver) {
            return;
        }
        try {
            server.join().close();
        } catch (Exception e) {
            log.warn("The embedded database started for a console that failed to start could not be stopped", e);
        }
    }
}
