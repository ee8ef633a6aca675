package dev.rolecall.policy.simulation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small thread-safe memo for values parsed from text (dates, networks, principals): policies and
 * requests repeat the same few values. It forgets everything once it holds {@code limit} entries, so
 * unusual input cannot make it grow without bound.
 */
final class Memo<T> {

    private final int limit;
    private final Map<String, T> values = new ConcurrentHashMap<>();

    Memo(int limit) {
        this.limit = limit;
    }

    T get(String key, Function<String, T> compute) {
        T value = values.get(key);
        if (value == null) {
            if (values.size() >= limit) {
                values.clear();
            }
            value = compute.apply(key);
            values.put(key, value);
        }
        return value;
    }
}
