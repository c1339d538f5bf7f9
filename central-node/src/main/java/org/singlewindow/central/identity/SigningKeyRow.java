package org.singlewindow.central.identity;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/**
 * A key central signs tokens with ({@code identity_signing_key}).
 *
 * @param privateJwk the private key as a JWK, sealed at rest
 * @param signsFrom  when it starts signing (published before, from {@code createdAt})
 */
public record SigningKeyRow(String kid, SealedText privateJwk, Instant signsFrom, Instant createdAt) {

    public static SealedText seal(String kid, String jwk) {
        return SealedText.of("identity_signing_key:" + kid, jwk);
    }

    /** The private JWK, opened for this row. */
    public String jwk() {
        return privateJwk.open("identity_signing_key:" + kid);
    }
}
