package org.singlewindow.contracts.eport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.exchange.ChangeRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * A withdrawal (撤销申请) from declarant software that speaks E-Port XML. E-Port's own withdrawal message is not in
 * the public material this project relies on ({@code ../shared/reference/eport-messages.md}), so this is the hub's
 * own small message, built like a {@code DecMessage} and sent the same ways: bare or carried by a {@code DxpMsg}, and
 * signed E-Port style (an enveloped XML-DSig, SM2 with SM3) or with {@code X-SW-Signature}:
 * <pre>{@code
 * <DecWithdrawal xmlns="urn:singlewindow:dec-withdrawal:1">
 *   <SeqNo>the declaration's id, as the import response gave it</SeqNo>
 *   <ReasonCode>05</ReasonCode>
 *   <ReasonText>交易取消</ReasonText>
 * </DecWithdrawal>
 * }</pre>
 * It reads into exactly what a JSON withdrawal signs ({@link ChangeRequest#cancellation}); any other element is
 * refused, named by its path.
 */
public final class WithdrawalXml {

    public static final String ROOT = "DecWithdrawal";
    private static final Set<String> ELEMENTS = Set.of("SeqNo", "ReasonCode", "ReasonText", "Signature");

    private WithdrawalXml() {
    }

    /** A withdrawal read: the content it stands for, the message itself, and whether it carries its signature. */
    public record Read(ObjectNode content, byte[] message, boolean enveloped) {

        public String declarationId() {
            return content.path("declarationId").asString(null);
        }
    }

    /** Whether {@code xml} (bare, not in a {@code DxpMsg}) is a withdrawal. */
    public static boolean isWithdrawal(byte[] xml) {
        return SafeXml.parse(xml).name().equals(ROOT);
    }

    /**
     * Reads a withdrawal, bare or in a {@code DxpMsg}.
     *
     * @throws XmlRejected naming each element that does not belong, or the root when it is not a withdrawal
     */
    public static Read read(byte[] body) {
        byte[] message = DecMessageMapper.decMessageBytes(body);
        XmlElement root = SafeXml.parse(message);
        if (!root.name().equals(ROOT)) {
            throw new XmlRejected("XML_UNMAPPABLE", "/" + root.name(), "根元素应为 DecWithdrawal 或 DxpMsg",
                    "the root element must be DecWithdrawal or DxpMsg");
        }
        List<Violation> problems = new ArrayList<>();
        for (XmlElement child : root.children()) {
            if (!ELEMENTS.contains(child.name())) {
                problems.add(new Violation("/" + ROOT + "/" + child.name(), "XML_UNKNOWN_ELEMENT",
                        "撤销申请没有此元素", "a withdrawal has no such element"));
            }
        }
        if (!problems.isEmpty()) {
            throw new XmlRejected("XML_UNMAPPABLE", problems.size() + " element(s) a withdrawal does not have",
                    problems);
        }
        boolean enveloped = root.child("Signature").isPresent();
        return new Read(ChangeRequest.cancellation(text(root, "SeqNo"), text(root, "ReasonCode"),
                text(root, "ReasonText")), message, enveloped);
    }

    private static String text(XmlElement root, String name) {
        return root.child(name).map(XmlElement::text).map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    }
}
