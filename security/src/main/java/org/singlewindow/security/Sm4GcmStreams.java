package org.singlewindow.security;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import org.bouncycastle.crypto.io.CipherInputStream;
import org.bouncycastle.crypto.io.CipherOutputStream;

/**
 * SM4-GCM over streams, for files too large to hold in memory (attachments): what {@link Sm4Gcm} does for a stored
 * value. A sealed stream starts with {@code SWS1}, the key id (one length byte, then UTF-8) and the 12-byte IV; the
 * ciphertext and the 16-byte tag follow. The associated data binds it to its place. Opening checks the tag when the
 * stream ends: a reader learns of an altered file at its end (an exception), so callers that must not pass on a
 * byte of a bad file verify it to the end first.
 */
public final class Sm4GcmStreams {

    private static final byte[] MAGIC = "SWS1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm4GcmStreams() {
    }

    /** Seals everything written to the returned stream into {@code out}; closing it writes the tag. */
    public static OutputStream sealing(OutputStream out, String keyId, byte[] key, String associatedData)
            throws IOException {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        out.write(MAGIC);
        out.write(id.length);
        out.write(id);
        out.write(iv);
        return new CipherOutputStream(out, Sm4Gcm.cipher(true, key, iv, associatedData));
    }

    /** Opens a sealed stream with whichever of {@code keys} sealed it. */
    public static InputStream opening(InputStream in, Map<String, byte[]> keys, String associatedData)
            throws IOException {
        DataInputStream header = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        header.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a sealed stream");
        }
        byte[] id = new byte[header.readUnsignedByte()];
        header.readFully(id);
        byte[] iv = new byte[12];
        header.readFully(iv);
        byte[] key = keys.get(new String(id, StandardCharsets.UTF_8));
        if (key == null) {
            throw new IOException("sealed with an unknown key");
        }
        return new CipherInputStream(in, Sm4Gcm.cipher(false, key, iv, associatedData));
    }
}
