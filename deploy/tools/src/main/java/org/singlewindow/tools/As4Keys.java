package org.singlewindow.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.singlewindow.security.Pem;

/**
 * Central's AS4 identity for the local federation and the tests (DEV ONLY): an RSA 2048 key with a self-signed
 * SHA256withRSA certificate valid two years, in {@code <dir>/<party>.p12} (alias {@code as4}) with the certificate
 * also in {@code <dir>/<party>.pem} for partner windows. RSA because the eDelivery AS4 profile asks for it; SM2 stays
 * domestic. Made once; an existing identity is kept while its certificate is valid for 30 more days, and made anew
 * (said on standard error) when it is not. {@code deploy/pki.sh as4 <dir> <party> <password>}.
 */
public final class As4Keys {

    private As4Keys() {
    }

    public static Path create(Path dir, String party, String password, Instant now) throws IOException {
        Path p12 = dir.resolve(party + ".p12");
        Path pem = dir.resolve(party + ".pem");
        if (Files.exists(p12) && Files.exists(pem)) {
            Instant notAfter = Pem.certificate(Files.readString(pem)).getNotAfter().toInstant();
            if (notAfter.isAfter(now.plus(Duration.ofDays(30)))) {
                return p12;
            }
            System.err.println("renewing " + p12 + ": its certificate " + (notAfter.isAfter(now) ? "expires" : "expired")
                    + " at " + notAfter + " (now " + now + "); a new key, valid two years");
        }
        Files.createDirectories(dir);
        try {
            write(dir, party, password, p12, now);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("AS4 identity: " + e.getMessage(), e);
        }
        return p12;
    }

    private static void write(Path dir, String party, String password, Path p12, Instant now)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        X500Name name = new X500Name("CN=" + party + " AS4 gateway (DEV ONLY), O=Single Window Federation, C=CN");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(730))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("as4", pair.getPrivate(), password.toCharArray(), new Certificate[]{cert});
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password.toCharArray());
        }
        Files.writeString(dir.resolve(party + ".pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }
}
