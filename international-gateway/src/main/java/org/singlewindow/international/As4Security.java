package org.singlewindow.international;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Security as the eDelivery AS4 profile (1.15, common profile) sets it, with WSS4J: a user message is signed
 * (RSA-SHA256, exclusive C14N, SHA-256; the {@code eb:Messaging} header, the SOAP body and every attachment's content;
 * our certificate as a BinarySecurityToken) and then its attachments encrypted for the partner (AES-128-GCM, the key
 * transported RSA-OAEP with SHA-256 and MGF1-SHA256, the partner's certificate named by issuer and serial). A signal
 * is signed only. Incoming messages must be signed by the configured certificate of the party they claim to come
 * from, over the same parts; a signature that does not verify or covers less is {@code EBMS:0101}.
 */
final class As4Security {

    private final Merlin crypto;
    private final String keyAlias;
    private final String password;
    private final Map<String, X509Certificate> partners;

    /** Our signed or verified message: the envelope, the attachments as they travel, the signature's references. */
    record Secured(Document envelope, List<SwaMime.Part> attachments, List<Element> references) {
    }

    As4Security(KeyStore own, String keyAlias, String password, Map<String, X509Certificate> partners) {
        WSSConfig.init();
        this.keyAlias = keyAlias;
        this.password = password;
        this.partners = Map.copyOf(partners);
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            PrivateKey key = (PrivateKey) own.getKey(keyAlias, password.toCharArray());
            if (key == null) {
                throw new IllegalStateException("no key " + keyAlias + " in the AS4 key store");
            }
            keys.setKeyEntry(keyAlias, key, password.toCharArray(), own.getCertificateChain(keyAlias));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (Map.Entry<String, X509Certificate> partner : partners.entrySet()) {
                keys.setCertificateEntry(alias(partner.getKey()), partner.getValue());
                trust.setCertificateEntry(alias(partner.getKey()), partner.getValue());
            }
            crypto = new Merlin();
            crypto.setKeyStore(keys);
            crypto.setTrustStore(trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AS4 key store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String alias(String partyId) {
        return "partner-" + partyId.toLowerCase(Locale.ROOT);
    }

    /** Signs a user message over its header, body and payload, then encrypts the payload for {@code partner}. */
    Secured secureUserMessage(Document built, SwaMime.Part payload, String partner) {
        Document envelope = declared(built);
        List<Attachment> current = new ArrayList<>(List.of(attachment(payload)));
        CallbackHandler callbacks = callbacks(current);
        try {
            WSSecHeader header = header(envelope);
            WSSecSignature signature = signature(header);
            signature.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
            signature.setAttachmentCallbackHandler(callbacks);
            signature.build(crypto);
            WSSecEncrypt encrypt = new WSSecEncrypt(header);
            encrypt.setUserInfo(alias(partner));
            encrypt.setKeyIdentifierType(WSConstants.ISSUER_SERIAL);
            encrypt.setSymmetricEncAlgorithm(WSConstants.AES_128_GCM);
            encrypt.setKeyEncAlgo(WSConstants.KEYTRANSPORT_RSAOAEP_XENC11);
            encrypt.setDigestAlgorithm(WSConstants.SHA256);
            encrypt.setMGFAlgorithm(WSConstants.MGF_SHA256);
            encrypt.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
            encrypt.setAttachmentCallbackHandler(callbacks);
            SecretKey key = KeyUtils.getKeyGenerator(WSConstants.AES_128_GCM).generateKey();
            encrypt.build(crypto, key);
        } catch (WSSecurityException e) {
            throw new IllegalStateException("could not secure the message for " + partner + ": " + e.getMessage(), e);
        }
        List<SwaMime.Part> parts = current.stream().map(a -> new SwaMime.Part(a.getId(), "application/octet-stream",
                read(a))).toList();
        return new Secured(envelope, parts, references(envelope));
    }

    /** Signs a signal (receipt or error) over its header and body. */
    Secured secureSignal(Document built) {
        Document envelope = declared(built);
        try {
            signature(header(envelope)).build(crypto);
        } catch (WSSecurityException e) {
            throw new IllegalStateException("could not sign the signal: " + e.getMessage(), e);
        }
        return new Secured(envelope, List.of(), references(envelope));
    }

    /**
     * Verifies a message said to come from {@code partner} and decrypts its attachments.
     *
     * @throws As4Refusal {@code EBMS:0101} when it is not signed by that partner's certificate over its header, body
     *                    and every attachment, or cannot be decrypted
     */
    Secured verify(Document envelope, List<SwaMime.Part> attachments, String partner) {
        X509Certificate expected = partners.get(partner);
        if (expected == null) {
            throw new As4Refusal("EBMS:0101", "FailedAuthentication", "unknown partner " + partner);
        }
        List<Attachment> current = new ArrayList<>(attachments.stream().map(As4Security::attachment).toList());
        CallbackHandler callbacks = callbacks(current);
        RequestData data = new RequestData();
        data.setSigVerCrypto(crypto);
        data.setDecCrypto(crypto);
        data.setCallbackHandler(callbacks);
        data.setAttachmentCallbackHandler(callbacks);
        WSHandlerResult results;
        try {
            results = new WSSecurityEngine().processSecurityHeader(envelope, data);
        } catch (WSSecurityException e) {
            throw new As4Refusal("EBMS:0101", "FailedAuthentication", "WS-Security: " + e.getMessage());
        }
        if (results == null) {
            throw new As4Refusal("EBMS:0101", "FailedAuthentication", "no WS-Security header");
        }
        List<WSSecurityEngineResult> signatures = results.getActionResults().getOrDefault(WSConstants.SIGN, List.of());
        if (signatures.size() != 1 || !expected.equals(signatures.get(0).get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))) {
            throw new As4Refusal("EBMS:0101", "FailedAuthentication", "not signed by " + partner + "'s certificate");
        }
        List<Element> references = references(envelope);
        Set<String> signed = new HashSet<>();
        references.forEach(r -> signed.add(r.getAttribute("URI")));
        Set<String> required = new HashSet<>();
        Ebms.messaging(envelope).ifPresent(m -> required.add("#" + m.getAttributeNS(WSConstants.WSU_NS, "Id")));
        Ebms.first(envelope.getDocumentElement(), Ebms.SOAP_NS, "Body")
                .ifPresent(b -> required.add("#" + b.getAttributeNS(WSConstants.WSU_NS, "Id")));
        attachments.forEach(a -> required.add("cid:" + a.contentId()));
        if (required.contains("#") || !signed.containsAll(required)) {
            throw new As4Refusal("EBMS:0101", "FailedAuthentication",
                    "the signature does not cover the ebMS header, the body and every attachment");
        }
        if (!attachments.isEmpty() && !results.getActionResults().containsKey(WSConstants.ENCR)) {
            throw new As4Refusal("EBMS:0101", "FailedAuthentication", "the payload is not encrypted");
        }
        List<SwaMime.Part> plain = current.stream().map(a -> new SwaMime.Part(a.getId(), a.getMimeType(), read(a)))
                .toList();
        return new Secured(envelope, plain, references);
    }

    /**
     * The document as a receiver will parse it: written and read again, so every namespace it uses is declared where
     * exclusive C14N looks for it (a DOM built in code knows its namespaces without declaring them, and a digest over
     * that form would not match the one the receiver computes).
     */
    private static Document declared(Document built) {
        return Ebms.parse(Ebms.bytes(built));
    }

    /** The {@code ds:Reference}s of the message's signature. */
    static List<Element> references(Document envelope) {
        List<Element> out = new ArrayList<>();
        var nodes = envelope.getElementsByTagNameNS(Ebms.DS_NS, "SignedInfo");
        if (nodes.getLength() > 0) {
            out.addAll(Ebms.all((Element) nodes.item(0), Ebms.DS_NS, "Reference"));
        }
        return out;
    }

    private WSSecHeader header(Document envelope) throws WSSecurityException {
        WSSecHeader header = new WSSecHeader(envelope);
        header.setMustUnderstand(true);
        header.insertSecurityHeader();
        return header;
    }

    private WSSecSignature signature(WSSecHeader header) {
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo(keyAlias, password);
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(WSConstants.RSA_SHA256);
        signature.setDigestAlgo(WSConstants.SHA256);
        signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        signature.getParts().add(new WSEncryptionPart("Messaging", Ebms.EB_NS, "Element"));
        signature.getParts().add(new WSEncryptionPart("Body", Ebms.SOAP_NS, "Element"));
        return signature;
    }

    /**
     * Hands WSS4J the attachments as they are now and takes back what it made of them (ciphertext when encrypting,
     * plaintext when decrypting), in {@code current}.
     */
    private CallbackHandler callbacks(List<Attachment> current) {
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof AttachmentRequestCallback request) {
                    request.setAttachments(current.stream().map(As4Security::copy).toList());
                } else if (callback instanceof AttachmentResultCallback result) {
                    current.replaceAll(a -> a.getId().equals(result.getAttachmentId()) ? result.getAttachment() : a);
                } else if (callback instanceof WSPasswordCallback pw) {
                    pw.setPassword(password);
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
    }

    private static Attachment attachment(SwaMime.Part part) {
        Attachment a = new Attachment();
        a.setId(part.contentId());
        a.setMimeType(part.contentType());
        a.addHeaders(Map.of("Content-ID", "<" + part.contentId() + ">", "Content-Type", part.contentType()));
        a.setSourceStream(new ByteArrayInputStream(part.bytes()));
        return a;
    }

    /** A copy WSS4J may consume, leaving the original readable again. */
    private static Attachment copy(Attachment a) {
        byte[] bytes = read(a);
        a.setSourceStream(new ByteArrayInputStream(bytes));
        Attachment copy = new Attachment();
        copy.setId(a.getId());
        copy.setMimeType(a.getMimeType());
        copy.addHeaders(a.getHeaders());
        copy.setSourceStream(new ByteArrayInputStream(bytes));
        return copy;
    }

    private static byte[] read(Attachment a) {
        try {
            byte[] bytes = a.getSourceStream().readAllBytes();
            a.setSourceStream(new ByteArrayInputStream(bytes));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
