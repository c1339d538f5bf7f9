package org.singlewindow.node.atrest;

import java.util.Objects;

import org.singlewindow.security.Sm4Gcm;

/**
 * A document or message body stored sealed (SM4-GCM) and bound to its row: the associated data of the seal names
 * the row ({@code declaration:<id>}, {@code outbox:<messageId>}, {@code peer_copy:<messageId>}), so a sealed value
 * copied into another row does not open there. Its type makes MyBatis seal it on write
 * ({@link SealedTextTypeHandler}); on read it stays sealed until the row's owner opens it with the row's binding, so
 * a value that does not open fails where it is used (one outbox row, not the whole batch it was read with).
 */
public final class SealedText {

    private static final String CONTEXT = "sw-document|";

    private final String clear;
    private final String binding;
    private final String stored;
    private final Sm4Gcm cipher;

    private SealedText(String clear, String binding, String stored, Sm4Gcm cipher) {
        this.clear = clear;
        this.binding = binding;
        this.stored = stored;
        this.cipher = cipher;
    }

    /** A text to store in the row that {@code binding} names. */
    public static SealedText of(String binding, String text) {
        return new SealedText(Objects.requireNonNull(text), Objects.requireNonNull(binding), null, null);
    }

    /** A value as read from the database, to be opened by {@link #open}. */
    static SealedText read(String stored, Sm4Gcm cipher) {
        return new SealedText(null, null, stored, cipher);
    }

    /**
     * The text, for the row {@code binding} names.
     *
     * @throws IllegalStateException when the value was sealed for another row, altered, sealed with a key this node
     *                               does not have, or no key is configured to open it
     */
    public String open(String binding) {
        if (clear != null) {
            if (!this.binding.equals(binding)) {
                throw new IllegalStateException("a value for " + this.binding + " was opened as " + binding);
            }
            return clear;
        }
        if (Sm4Gcm.keyIdOf(stored) == null) {
            return stored;
        }
        if (cipher == null) {
            throw new IllegalStateException("a sealed value was read but no sw.at-rest key is configured");
        }
        return cipher.open(stored, CONTEXT + binding);
    }

    /** What is stored: sealed for its row with {@code cipher}, or in clear without one. */
    String storedForm(Sm4Gcm cipher) {
        if (clear == null) {
            throw new IllegalStateException("a value read from the database is not written back as it is");
        }
        return cipher == null ? clear : cipher.seal(clear, CONTEXT + binding);
    }

    @Override
    public String toString() {
        return clear != null ? "SealedText[" + binding + ", " + clear.length() + " chars]" : "SealedText[stored]";
    }
}
