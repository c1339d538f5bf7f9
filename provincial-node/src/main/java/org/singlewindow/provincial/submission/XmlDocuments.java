package org.singlewindow.provincial.submission;

import java.util.Base64;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.eport.DecMessageMapper;
import org.singlewindow.contracts.eport.WithdrawalXml;
import org.singlewindow.contracts.eport.XmlRejected;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.security.XmlDsig;
import tools.jackson.databind.node.ObjectNode;

/**
 * E-Port XML as declarant software sends it (a {@code DecMessage}, or a {@code DxpMsg} carrying one), read into the
 * JSON contract for a submission or an amendment, and the hub's XML withdrawal ({@link WithdrawalXml}): unsafe, too deep or too large XML and elements the mapping does
 * not know are refused with 400 naming them.
 */
public final class XmlDocuments {

    private static final DecMessageMapper XML = new DecMessageMapper();

    private XmlDocuments() {
    }

    /** An XML message read: its document, its DecMessage, and whether that carries an enveloped signature. */
    public record Mapped(ObjectNode document, byte[] decMessage, boolean enveloped) {

        /**
         * The signature that goes with the document: the DecMessage itself when it is signed E-Port style (it travels
         * as the document's signature), else the request's {@code X-SW-Signature} over the mapped document.
         */
        public String signature(HttpServletRequest request) {
            return enveloped ? DocumentSignatures.XML_PREFIX + Base64.getEncoder().encodeToString(decMessage)
                    : request.getHeader(DocumentSignatures.HEADER);
        }
    }

    public static Mapped map(byte[] body) {
        try {
            byte[] dec = DecMessageMapper.decMessageBytes(body);
            boolean enveloped = XmlDsig.isSigned(dec);
            return new Mapped(XML.read(body, enveloped), dec, enveloped);
        } catch (XmlRejected e) {
            throw refused(e);
        }
    }

    /** A withdrawal ({@link WithdrawalXml}), bare or in a {@code DxpMsg}. */
    public static WithdrawalXml.Read withdrawal(byte[] body) {
        try {
            return WithdrawalXml.read(body);
        } catch (XmlRejected e) {
            throw refused(e);
        }
    }

    /**
     * The signature that goes with a withdrawal: the message itself when it is signed E-Port style, else the
     * request's {@code X-SW-Signature} over what it stands for.
     */
    public static String signature(WithdrawalXml.Read withdrawal, HttpServletRequest request) {
        return withdrawal.enveloped()
                ? DocumentSignatures.XML_PREFIX + Base64.getEncoder().encodeToString(withdrawal.message())
                : request.getHeader(DocumentSignatures.HEADER);
    }

    private static Refusal refused(XmlRejected e) {
        return new Refusal(Refusal.Kind.INVALID, e.code(), "XML refused", "XML 报文被拒绝", e.getMessage(),
                e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).messageZh(), e.problems());
    }

    /** Fields the JSON contract requires that E-Port XML has no element for. */
    public static Set<String> notCarried() {
        return XML.notCarried();
    }
}
