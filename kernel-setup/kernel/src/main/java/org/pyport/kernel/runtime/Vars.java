package org.pyport.kernel.runtime;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands values from the kernel to notebook code: the kernel {@link #put}s a value and evaluates
 * {@code String name = org.pyport.kernel.runtime.Vars.take("key");} in the shell. Avoids putting large
 * strings into Java source (string literals are limited to 65535 bytes).
 */
public final class Vars {

    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();

    private Vars() {
    }

    /**
     * @param value the value to hand over
     * @return a one-time key for {@link #take(String)}
     */
    public static String put(Object value) {
        String key = UUID.randomUUID().toString();
        VALUES.put(key, value);
        return key;
    }

    /**
     * @param key what {@link #put(Object)} returned
     * @param <T> the expected type
     * @return the value, removed from the hand-over table
     */
    @SuppressWarnings("unchecked")
    public static <T> T take(String key) {
        return (T) VALUES.remove(key);
    }
}
