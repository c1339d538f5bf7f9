package org.singlewindow.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM text for certificates, CRLs and PKCS#8 private keys. */
public final class Pem {

    static {
        Sm2Pki.ensureProvider();
    }

    private Pem() {
    }

    public static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof PrivateKey key) {
                writer.writeObject(new JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static X509Certificate certificate(String pem) {
        try {
            return new JcaX509CertificateConverter().setProvider(Sm2Pki.PROVIDER)
                    .getCertificate((X509CertificateHolder) read(pem));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM certificate", e);
        }
    }

    public static X509CRL crl(String pem) {
        try {
            return new JcaX509CRLConverter().setProvider(Sm2Pki.PROVIDER).getCRL((X509CRLHolder) read(pem));
        } catch (CRLException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM CRL", e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return new JcaPEMKeyConverter().setProvider(Sm2Pki.PROVIDER).getPrivateKey((PrivateKeyInfo) read(pem));
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM PKCS#8 private key", e);
        }
    }

    private static Object read(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM", e);
        }
    }
}
