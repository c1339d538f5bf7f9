package org.singlewindow.partnerwindow;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The window's RSA key and self-signed certificate: {@code <party>.p12} (alias {@code as4}) and {@code <party>.pem},
 * made once (RSA 2048, SHA256withRSA, two years) and read again afterwards; made anew (said on standard error) when
 * its certificate has expired or expires within 30 days.
 */
record Identity(PrivateKey key, X509Certificate certificate) {

    static Identity loadOrCreate(Path dir, String party, String password) throws Exception {
        Path p12 = dir.resolve(party + ".p12");
        Instant now = Instant.now();
        if (Files.exists(p12) && !load(p12, password).certificate().getNotAfter().toInstant()
                .isAfter(now.plus(Duration.ofDays(30)))) {
            System.err.println("renewing " + p12 + ": its certificate expires within 30 days or has expired");
            Files.delete(p12);
        }
        if (!Files.exists(p12)) {
            Files.createDirectories(dir);
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048, new SecureRandom());
            KeyPair pair = rsa.generateKeyPair();
            X500Name name = new X500Name("CN=" + party + " AS4 (DEV ONLY)");
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
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
        return load(p12, password);
    }

    private static Identity load(Path p12, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        return new Identity((PrivateKey) store.getKey("as4", password.toCharArray()),
                (X509Certificate) store.getCertificate("as4"));
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
