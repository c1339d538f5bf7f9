package org.singlewindow.central.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * RSA keys for signing tokens, named by their JWK thumbprint: read from a PKCS#8 PEM file (a key provisioned by
 * operations, or kept by an earlier release in {@code <data-dir>/identity/signing-key.pem}), or made afresh.
 */
public final class SigningKeyStore {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SigningKeyStore() {
    }

    /** The key in a PKCS#8 PEM file. */
    public static RSAKey read(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String base64 = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return named(new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(),
                    priv.getPublicExponent())), priv));
        } catch (IOException e) {
            throw new UncheckedIOException("signing key file " + file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("signing key file " + file + " is not a PKCS#8 RSA key", e);
        }
    }

    /** A new 2048-bit key. */
    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return named(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey named(KeyPair pair) {
        try {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
