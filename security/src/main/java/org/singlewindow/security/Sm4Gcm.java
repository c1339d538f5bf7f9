package org.singlewindow.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907-2016) in GCM mode for payloads at rest. A sealed value is {@code sm4gcm:<keyId>:<base64(iv ‖
 * ciphertext ‖ tag)>}: the key id names which key sealed it, so keys can be rotated: new values are sealed with the
 * current key while older ones still open with theirs. The associated data (e.g. the row id) binds a value to its
 * place, so a ciphertext copied into another row does not open.
 */
public final class Sm4Gcm {

    /** Prefix of sealed values. */
    public static final String PREFIX = "sm4gcm:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, byte[]> keys;

    /**
     * @param currentKeyId the key that seals new values
     * @param keys         every key that may have sealed a stored value, by id; 16 bytes each
     */
    public Sm4Gcm(String currentKeyId, Map<String, byte[]> keys) {
        keys.forEach((id, key) -> {
            if (key.length != 16 || id.isEmpty() || id.contains(":")) {
                throw new IllegalArgumentException("SM4 key '" + id + "' must be 16 bytes with an id without ':'");
            }
        });
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no SM4 key with the current id '" + currentKeyId + "'");
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    public String seal(String plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(true, keys.get(currentKeyId), iv, associatedData, plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
        return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
    }

    /** Opens a sealed value; a value without the prefix (stored before encryption was on) is returned as is. */
    public String open(String stored, String associatedData) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("stored value sealed with unknown SM4 key '" + keyId + "'");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
        byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
        return new String(run(false, key, iv, associatedData, body), StandardCharsets.UTF_8);
    }

    /** The id of the key a stored value was sealed with, or {@code null} for a plain value. */
    public static String keyIdOf(String stored) {
        return stored == null || !stored.startsWith(PREFIX) ? null
                : stored.substring(PREFIX.length(), stored.indexOf(':', PREFIX.length()));
    }

    /** SM4-GCM with a 128-bit tag, set up for one value or stream ({@link Sm4GcmStreams} too). */
    static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] iv, String associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv,
                associatedData == null ? null : associatedData.getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] iv, String associatedData, byte[] input) {
        GCMModeCipher gcm = cipher(encrypt, key, iv, associatedData);
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("stored value does not open: altered, moved or wrong key", e);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
