package dev.imgsign.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The keys of one deployment: a primary key that signs, followed by older keys that still verify.
 *
 * <p>Verifiers try the keys in order and report the index of the one that matched
 * ({@link Verification.Accepted#keyIndex()}), so an old key can be removed once nothing matches it.
 * The size is bounded so that a verification costs at most {@value #MAX_KEYS} MACs.
 *
 * @since 0.1.0
 */
public final class KeySet {
    /** Upper bound on keys, which bounds the work of a single verification. */
    public static final int MAX_KEYS = 16;

    private final List<SigningKey> keys;

    private KeySet(List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key set needs at least one key");
        }
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("a key set holds at most " + MAX_KEYS + " keys, got " + keys.size());
        }
        this.keys = keys;
    }

    /**
     * A key set whose {@code primary} signs and whose {@code older} keys only verify, tried in the given order.
     *
     * @param primary the key that signs
     * @param older keys still accepted, newest first
     * @return the key set
     */
    public static KeySet of(SigningKey primary, SigningKey... older) {
        Objects.requireNonNull(primary, "primary");
        List<SigningKey> all = new ArrayList<>(1 + older.length);
        all.add(primary);
        for (SigningKey key : older) {
            all.add(Objects.requireNonNull(key, "older key"));
        }
        return new KeySet(Collections.unmodifiableList(all));
    }

    /**
     * A key set from a list whose first element is the primary key.
     *
     * @param keys the keys, primary first
     * @return the key set
     */
    public static KeySet of(List<SigningKey> keys) {
        Objects.requireNonNull(keys, "keys");
        List<SigningKey> copy = List.copyOf(keys);
        return new KeySet(copy);
    }

    /**
     * Shorthand for a single key given as UTF-8 text.
     *
     * @param secret the key's text
     * @return a key set of that one key
     */
    public static KeySet ofUtf8(String secret) {
        return of(SigningKey.ofUtf8(secret));
    }

    /** {@return the key that signs} */
    public SigningKey primary() {
        return keys.get(0);
    }

    /** {@return all keys, primary first, unmodifiable} */
    public List<SigningKey> keys() {
        return keys;
    }

    /** {@return the number of keys} */
    public int size() {
        return keys.size();
    }

    @Override
    public String toString() {
        return "KeySet" + keys;
    }
}
