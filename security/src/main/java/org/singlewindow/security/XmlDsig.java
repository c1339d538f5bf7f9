package org.singlewindow.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.algorithms.implementations.SignatureBaseRSA;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureException;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Enveloped XML-DSig with the E-Port's SM2/SM3 algorithms (Apache Santuario): signature
 * {@value #SM2_SM3}, digest {@value #SM3}, inclusive C14N, one reference to the whole document
 * ({@code URI=""}, enveloped-signature transform), the signer's certificate in {@code KeyInfo/X509Data}. The
 * signature value is SM2's DER encoding, as SM2 signatures are elsewhere (GM/T 0009).
 * <p>Verification accepts only that shape: exactly one {@code ds:Signature}, a child of the document element,
 * with these algorithms and that single whole-document reference (no ids, so no signature wrapping), then checks
 * the certificate like {@link CmsSignatures#trusted}. Every refusal is a {@link CmsSignatures.Refused} with its
 * reason. DOCTYPEs and external entities are refused by the parser.
 */
public final class XmlDsig {

    /** E-Port's SM2-with-SM3 signature method. */
    public static final String SM2_SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3";
    /** E-Port's SM3 digest method. */
    public static final String SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3";

    static {
        Init.init();
        String provider = Sm2Pki.PROVIDER;
        JCEMapper.register(SM3, new JCEMapper.Algorithm("", "SM3", "MessageDigest", 0, 0, provider));
        JCEMapper.register(SM2_SM3, new JCEMapper.Algorithm("EC", "SM3withSM2", "Signature", 0, 0, provider));
        try {
            SignatureAlgorithm.register(SM2_SM3, Sm2Sm3.class);
        } catch (XMLSecurityException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SM3withSM2 under E-Port's URI (Santuario's JCE-backed signature base does the rest). */
    public static final class Sm2Sm3 extends SignatureBaseRSA {

        public Sm2Sm3() throws XMLSignatureException {
            super(java.security.Security.getProvider(Sm2Pki.PROVIDER));
        }

        @Override
        public String engineGetURI() {
            return SM2_SM3;
        }
    }

    private XmlDsig() {
    }

    /** Signs an XML document: the same document with an enveloped {@code ds:Signature} as the root's last child. */
    public static byte[] sign(byte[] xml, PrivateKey key, X509Certificate certificate) {
        try {
            Document document = parse(xml);
            XMLSignature signature = new XMLSignature(document, "", SM2_SM3, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
            document.getDocumentElement().appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_OMIT_COMMENTS);
            signature.addDocument("", transforms, SM3);
            signature.addKeyInfo(certificate);
            signature.sign(key);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (XMLSecurityException | TransformerException | CmsSignatures.Refused e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** Whether the document element has a {@code ds:Signature} child (then it is expected to verify). */
    public static boolean isSigned(byte[] xml) {
        try {
            return signatureElement(parse(xml)) != null;
        } catch (CmsSignatures.Refused e) {
            return false;
        }
    }

    /** Verifies an enveloped signature; returns the signer. */
    public static CmsSignatures.Signer verify(byte[] xml, X509Certificate root, X509CRL crl, Instant at)
            throws CmsSignatures.Refused {
        Document document = parse(xml);
        Element element = signatureElement(document);
        if (element == null) {
            throw malformed("the document element has no ds:Signature child");
        }
        X509Certificate certificate;
        XMLSignature signature;
        try {
            signature = new XMLSignature(element, "", true);
            String method = signature.getSignedInfo().getSignatureMethodURI();
            String c14n = signature.getSignedInfo().getCanonicalizationMethodURI();
            if (!SM2_SM3.equals(method) || !Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS.equals(c14n)) {
                throw malformed("signature method must be " + SM2_SM3 + " with inclusive C14N, not " + method);
            }
            if (signature.getSignedInfo().getLength() != 1) {
                throw malformed("exactly one reference (the whole document) is expected");
            }
            Reference reference = signature.getSignedInfo().item(0);
            if (!"".equals(reference.getURI()) || !SM3.equals(reference.getMessageDigestAlgorithm().getAlgorithmURI())) {
                throw malformed("the reference must be URI=\"\" with digest " + SM3);
            }
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                String t = transforms.item(i).getURI();
                if (!Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(t) && !Transforms.TRANSFORM_C14N_OMIT_COMMENTS.equals(t)) {
                    throw malformed("transform " + t + " is not allowed");
                }
            }
            certificate = certificate(element);
        } catch (XMLSecurityException e) {
            throw malformed("not an XML signature: " + e.getMessage());
        }
        try {
            if (!signature.checkSignatureValue(certificate.getPublicKey())) {
                throw new CmsSignatures.Refused(CmsSignatures.Refusal.SIGNATURE_INVALID,
                        "the XML signature does not match the document");
            }
        } catch (XMLSignatureException e) {
            throw new CmsSignatures.Refused(CmsSignatures.Refusal.SIGNATURE_INVALID,
                    "the XML signature does not verify: " + e.getMessage());
        }
        return CmsSignatures.trusted(certificate, root, crl, at);
    }

    /** The signer's certificate from KeyInfo, read with BouncyCastle (the JDK's reader knows no SM2 curve). */
    private static X509Certificate certificate(Element signature) throws CmsSignatures.Refused {
        var certificates = signature.getElementsByTagNameNS(Constants.SignatureSpecNS, "X509Certificate");
        if (certificates.getLength() != 1) {
            throw malformed("exactly one KeyInfo/X509Data/X509Certificate is expected");
        }
        try {
            byte[] der = java.util.Base64.getMimeDecoder().decode(certificates.item(0).getTextContent());
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509", Sm2Pki.PROVIDER)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            throw malformed("the X509Certificate is not a certificate: " + e.getMessage());
        }
    }

    private static Element signatureElement(Document document) throws CmsSignatures.Refused {
        var all = document.getElementsByTagNameNS(Constants.SignatureSpecNS, "Signature");
        if (all.getLength() == 0) {
            return null;
        }
        Node only = all.item(0);
        if (all.getLength() != 1 || only.getParentNode() != document.getDocumentElement()) {
            throw malformed("exactly one ds:Signature is expected, as a child of the document element");
        }
        return (Element) only;
    }

    private static Document parse(byte[] xml) throws CmsSignatures.Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw malformed("not well-formed, safe XML: " + e.getMessage());
        }
    }

    private static CmsSignatures.Refused malformed(String message) {
        return new CmsSignatures.Refused(CmsSignatures.Refusal.SIGNATURE_MALFORMED, message);
    }
}
