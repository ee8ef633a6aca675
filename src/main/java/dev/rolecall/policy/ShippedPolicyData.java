package dev.rolecall.policy;

import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.IamCatalog;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Reads the shipped IAM action catalog and AWS managed policies (about 700 KB of compressed JSON)
 * on threads of their own from the start of the context's refresh, while Spring builds everything
 * else; the {@link IamCatalog} and {@link AwsManagedPolicies} beans wait for the result. A bean
 * factory post-processor because those run first, before any other bean is made.
 */
final class ShippedPolicyData implements BeanFactoryPostProcessor {

    private final CompletableFuture<IamCatalog> catalog = read("iam-catalog", IamCatalog::readShipped);
    private final CompletableFuture<AwsManagedPolicies> managedPolicies =
            read("aws-managed-policies", AwsManagedPolicies::readShipped);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // The reads started when this object was made; nothing to change in the factory.
    }

    IamCatalog catalog() {
        return join(catalog);
    }

    AwsManagedPolicies managedPolicies() {
        return join(managedPolicies);
    }

    private static <T> CompletableFuture<T> read(String name, Supplier<T> reader) {
        return CompletableFuture.supplyAsync(reader, task -> {
            Thread thread = new Thread(task, "read-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The value, or the reader's own exception (a shipped file that does not read fails the start). */
    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
