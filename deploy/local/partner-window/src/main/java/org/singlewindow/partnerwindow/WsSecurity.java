package org.singlewindow.partnerwindow;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureByteInput;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.TransformSpi;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * WS-Security the way the eDelivery AS4 profile describes it, written from the specifications (OASIS WSS 1.1, SwA
 * profile 1.1, XML Signature, XML Encryption 1.1) with Apache Santuario for the signature and the JCE for the
 * cipher work: RSA-SHA256 over exclusive C14N and SHA-256 digests, attachments by content; AES-128-GCM (IV first,
 * tag last) under a key wrapped RSA-OAEP with SHA-256 and MGF1-SHA256.
 */
final class WsSecurity {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String EB = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
    static final String SWA = "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#";
    static final String X509V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    static final String BASE64 =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        org.apache.xml.security.Init.init();
        try {
            Transform.register(SWA + "Attachment-Content-Signature-Transform", ContentOnly.class);
        } catch (Exception alreadyThere) {
            // registered by someone else in this JVM (e.g. WSS4J): same meaning
        }
    }

    private WsSecurity() {
    }

    /** The SwA content-only transform: the attachment's octets as they are. */
    public static final class ContentOnly extends TransformSpi {
        @Override
        protected String engineGetURI() {
            return SWA + "Attachment-Content-Signature-Transform";
        }

        @Override
        protected XMLSignatureInput enginePerformTransform(XMLSignatureInput input, OutputStream os,
                                                           Element transform, String baseURI, boolean secure) {
            return input;
        }
    }

    /**
     * The exclusive canonical form of an XML document. A signature over an XML attachment covers that form (SwA 1.1
     * §5.4.1, as WSS4J computes it): an uncompressed XML payload is sent in it, so that its octets and what a
     * receiver digests are the same.
     */
    static byte[] canonical(byte[] xml) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalize(xml, out, true);
        return out.toByteArray();
    }

    /** Resolves {@code cid:} references to attachment octets. */
    private static final class Attachments extends ResourceResolverSpi {
        private final Map<String, byte[]> byId;

        Attachments(Map<String, byte[]> byId) {
            this.byId = byId;
        }

        @Override
        public boolean engineCanResolveURI(ResourceResolverContext context) {
            return context.uriToResolve != null && context.uriToResolve.startsWith("cid:");
        }

        @Override
        public XMLSignatureInput engineResolveURI(ResourceResolverContext context) {
            byte[] bytes = byId.get(context.uriToResolve.substring(4));
            if (bytes == null) {
                throw new IllegalArgumentException("no attachment " + context.uriToResolve);
            }
            return new XMLSignatureByteInput(bytes);
        }
    }

    /**
     * Signs the envelope's {@code eb:Messaging} and body (and the attachments given, by content) with a
     * BinarySecurityToken; returns the Security header (for encryption to go in front).
     */
    static Element sign(Document doc, PrivateKey key, X509Certificate cert, Map<String, byte[]> attachments)
            throws Exception {
        Element header = first(doc.getDocumentElement(), SOAP, "Header");
        Element security = doc.createElementNS(WSSE, "wsse:Security");
        security.setAttributeNS(XMLNS, "xmlns:wsse", WSSE);
        security.setAttributeNS(XMLNS, "xmlns:wsu", WSU);
        security.setAttributeNS(SOAP, "S12:mustUnderstand", "true");
        header.insertBefore(security, header.getFirstChild());
        Element bst = doc.createElementNS(WSSE, "wsse:BinarySecurityToken");
        String bstId = "X509-" + UUID.randomUUID();
        bst.setAttributeNS(WSU, "wsu:Id", bstId);
        bst.setIdAttributeNS(WSU, "Id", true);
        bst.setAttribute("ValueType", X509V3);
        bst.setAttribute("EncodingType", BASE64);
        bst.setTextContent(Base64.getEncoder().encodeToString(cert.getEncoded()));
        security.appendChild(bst);
        XMLSignature signature = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        security.appendChild(signature.getElement());
        for (Element part : List.of(first(header, EB, "Messaging"), first(doc.getDocumentElement(), SOAP, "Body"))) {
            String id = "id-" + UUID.randomUUID();
            // declared where it is used: exclusive C14N sees declarations, not the DOM's namespace fields
            part.setAttributeNS(XMLNS, "xmlns:wsu", WSU);
            part.setAttributeNS(WSU, "wsu:Id", id);
            part.setIdAttributeNS(WSU, "Id", true);
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        }
        signature.addResourceResolver(new Attachments(attachments));
        for (String cid : attachments.keySet()) {
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(SWA + "Attachment-Content-Signature-Transform");
            signature.addDocument("cid:" + cid, transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        }
        Element str = doc.createElementNS(WSSE, "wsse:SecurityTokenReference");
        Element reference = doc.createElementNS(WSSE, "wsse:Reference");
        reference.setAttribute("URI", "#" + bstId);
        reference.setAttribute("ValueType", X509V3);
        str.appendChild(reference);
        signature.getKeyInfo().addUnknownElement(str);
        signature.sign(key);
        return security;
    }

    /**
     * Encrypts one attachment for {@code recipient}: EncryptedKey and EncryptedData go first in the Security header.
     * Returns the ciphertext (IV, ciphertext, tag).
     */
    static byte[] encrypt(Element security, X509Certificate recipient, String contentId, String mimeType,
                          byte[] plain) throws GeneralSecurityException {
        Document doc = security.getOwnerDocument();
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(128);
        SecretKey key = aes.generateKey();
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = gcm.doFinal(plain);
        byte[] cipherText = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, cipherText, 0, iv.length);
        System.arraycopy(sealed, 0, cipherText, iv.length, sealed.length);
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.ENCRYPT_MODE, recipient.getPublicKey(), oaepSpec());
        byte[] wrapped = oaep.doFinal(key.getEncoded());

        String ekId = "EK-" + UUID.randomUUID();
        String edId = "ED-" + UUID.randomUUID();
        Element ek = doc.createElementNS(XENC, "xenc:EncryptedKey");
        ek.setAttribute("Id", ekId);
        Element method = el(ek, XENC, "xenc:EncryptionMethod");
        method.setAttribute("Algorithm", XENC11 + "rsa-oaep");
        el(method, DS, "ds:DigestMethod").setAttribute("Algorithm", "http://www.w3.org/2001/04/xmlenc#sha256");
        el(method, XENC11, "xenc11:MGF").setAttribute("Algorithm", XENC11 + "mgf1sha256");
        Element issuerSerial = el(el(el(el(ek, DS, "ds:KeyInfo"), WSSE, "wsse:SecurityTokenReference"), DS,
                "ds:X509Data"), DS, "ds:X509IssuerSerial");
        el(issuerSerial, DS, "ds:X509IssuerName").setTextContent(recipient.getIssuerX500Principal().getName());
        el(issuerSerial, DS, "ds:X509SerialNumber").setTextContent(recipient.getSerialNumber().toString());
        el(el(ek, XENC, "xenc:CipherData"), XENC, "xenc:CipherValue")
                .setTextContent(Base64.getEncoder().encodeToString(wrapped));
        el(el(ek, XENC, "xenc:ReferenceList"), XENC, "xenc:DataReference").setAttribute("URI", "#" + edId);

        Element ed = doc.createElementNS(XENC, "xenc:EncryptedData");
        ed.setAttribute("Id", edId);
        ed.setAttribute("MimeType", mimeType);
        ed.setAttribute("Type", SWA + "Attachment-Content-Only");
        el(ed, XENC, "xenc:EncryptionMethod").setAttribute("Algorithm", XENC11 + "aes128-gcm");
        Element edStr = el(el(ed, DS, "ds:KeyInfo"), WSSE, "wsse:SecurityTokenReference");
        edStr.setAttributeNS(WSSE11, "wsse11:TokenType",
                "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey");
        el(edStr, WSSE, "wsse:Reference").setAttribute("URI", "#" + ekId);
        Element cipherReference = el(el(ed, XENC, "xenc:CipherData"), XENC, "xenc:CipherReference");
        cipherReference.setAttribute("URI", "cid:" + contentId);
        el(el(cipherReference, XENC, "xenc:Transforms"), DS, "ds:Transform")
                .setAttribute("Algorithm", SWA + "Attachment-Ciphertext-Transform");
        security.insertBefore(ed, security.getFirstChild());
        security.insertBefore(ek, ed);
        return cipherText;
    }

    /** Decrypts every encrypted attachment the header names, with our key; returns plaintext by content id. */
    static Map<String, byte[]> decrypt(Document doc, PrivateKey key, Map<String, byte[]> attachments)
            throws GeneralSecurityException {
        Element security = security(doc);
        Map<String, byte[]> plain = new java.util.HashMap<>();
        for (Element ek : children(security, XENC, "EncryptedKey")) {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.DECRYPT_MODE, key, oaepSpec());
            byte[] aesKey = oaep.doFinal(Base64.getMimeDecoder().decode(
                    first(first(ek, XENC, "CipherData"), XENC, "CipherValue").getTextContent()));
            for (Element ed : children(security, XENC, "EncryptedData")) {
                String cid = first(first(ed, XENC, "CipherData"), XENC, "CipherReference").getAttribute("URI")
                        .substring(4);
                byte[] cipherText = attachments.get(cid);
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                        new GCMParameterSpec(128, cipherText, 0, 12));
                plain.put(cid, gcm.doFinal(cipherText, 12, cipherText.length - 12));
            }
        }
        return plain;
    }

    /**
     * Verifies the message's signature with {@code expected} (which must be the certificate in its
     * BinarySecurityToken) and that it covers the ebMS header and body and every attachment given; returns its
     * {@code ds:Reference}s.
     */
    static List<Element> verify(Document doc, X509Certificate expected, Map<String, byte[]> attachments)
            throws Exception {
        Element security = security(doc);
        Element bst = first(security, WSSE, "BinarySecurityToken");
        X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(Base64.getMimeDecoder().decode(bst.getTextContent())));
        if (!signer.equals(expected)) {
            throw new SecurityException("signed by " + signer.getSubjectX500Principal() + ", not the partner");
        }
        markIds(doc.getDocumentElement());
        Element signatureElement = first(security, DS, "Signature");
        XMLSignature signature = new XMLSignature(signatureElement, "", true);
        signature.addResourceResolver(new Attachments(attachments));
        if (!signature.checkSignatureValue(expected)) {
            throw new SecurityException("the signature does not verify");
        }
        List<Element> references = children(first(signatureElement, DS, "SignedInfo"), DS, "Reference");
        List<String> uris = new ArrayList<>();
        references.forEach(r -> uris.add(r.getAttribute("URI")));
        Element messaging = first(first(doc.getDocumentElement(), SOAP, "Header"), EB, "Messaging");
        Element body = first(doc.getDocumentElement(), SOAP, "Body");
        if (!uris.contains("#" + messaging.getAttributeNS(WSU, "Id"))
                || !uris.contains("#" + body.getAttributeNS(WSU, "Id"))) {
            throw new SecurityException("the signature does not cover eb:Messaging and the body");
        }
        for (String cid : attachments.keySet()) {
            if (!uris.contains("cid:" + cid)) {
                throw new SecurityException("attachment " + cid + " is not signed");
            }
        }
        return references;
    }

    private static OAEPParameterSpec oaepSpec() {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    private static void markIds(Element e) {
        if (e.hasAttributeNS(WSU, "Id")) {
            e.setIdAttributeNS(WSU, "Id", true);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                markIds(child);
            }
        }
    }

    static Element security(Document doc) {
        Element header = first(doc.getDocumentElement(), SOAP, "Header");
        Element security = header == null ? null : first(header, WSSE, "Security");
        if (security == null) {
            throw new SecurityException("no wsse:Security header");
        }
        return security;
    }

    static Element first(Element parent, String ns, String local) {
        List<Element> all = children(parent, ns, local);
        return all.isEmpty() ? null : all.get(0);
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element el(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }
}
