package org.singlewindow.security;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A small federation PKI for the tests: a root CA, one enterprise certificate, an empty CRL, and a rogue CA. */
final class TestPki {

    static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    static final KeyPair CA = Sm2Pki.derivedKeyPair("test-seed", "ca");
    static final X509Certificate ROOT = Sm2Pki.rootCertificate(CA, "Test Root", NOW.minus(1, ChronoUnit.DAYS),
            NOW.plus(3650, ChronoUnit.DAYS));
    static final KeyPair ACME = Sm2Pki.derivedKeyPair("test-seed", "91310115MA1H7G0X0M");
    static final X509Certificate ACME_CERT = Sm2Pki.issue(ROOT, CA.getPrivate(),
            new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, "91310115MA1H7G0X0M", "上海某某进出口有限公司"), ACME.getPublic(),
            BigInteger.valueOf(1001), NOW.minus(1, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS));
    static final X509CRL EMPTY_CRL = Sm2Pki.crl(ROOT, CA.getPrivate(), List.of(), NOW, NOW.plus(7, ChronoUnit.DAYS));

    private TestPki() {
    }

    /** The same subject and key as {@code genuine}, certified by a CA outside the federation. */
    static X509Certificate forgedCopyOf(X509Certificate genuine, KeyPair keys) {
        KeyPair rogueCa = Sm2Pki.derivedKeyPair("rogue", "ca");
        X509Certificate rogueRoot = Sm2Pki.rootCertificate(rogueCa, "Test Root", NOW.minus(1, ChronoUnit.DAYS),
                NOW.plus(10, ChronoUnit.DAYS));
        return Sm2Pki.issue(rogueRoot, rogueCa.getPrivate(), Sm2Pki.Subject.of(genuine), keys.getPublic(),
                BigInteger.TEN, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(10, ChronoUnit.DAYS));
    }
}
