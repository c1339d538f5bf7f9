package org.singlewindow.provincial.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.singlewindow.node.signature.NodeKey;
import org.singlewindow.security.Sm3;
import org.springframework.stereotype.Component;

/**
 * The headers that let a receiver trust a delivery. The signed content is {@code <timestamp>.<body>} (the timestamp
 * binds the body to its time, so a receiver can refuse an old one replayed):
 * <ul>
 *   <li>{@code X-SW-Event-Id}: the event's id, the same on every attempt (drop repeats by it);</li>
 *   <li>{@code X-SW-Timestamp}: when this attempt was signed (ISO 8601);</li>
 *   <li>{@code X-SW-Signature-Method}: {@code SM2} or {@code HMAC-SM3};</li>
 *   <li>{@code X-SW-Webhook-Signature}: for SM2, the node's detached CMS signature (Base64 DER, the node's
 *       certificate inside, checked against the federation's CA); for HMAC-SM3, the MAC in hex under the secret
 *       shown once at registration.</li>
 * </ul>
 * {@code deploy/webhook-verify.sh} checks either.
 */
@Component
class WebhookSigner {

    static final String EVENT_ID = "X-SW-Event-Id";
    static final String TIMESTAMP = "X-SW-Timestamp";
    static final String METHOD = "X-SW-Signature-Method";
    static final String SIGNATURE = "X-SW-Webhook-Signature";

    private final NodeKey key;

    WebhookSigner(NodeKey key) {
        this.key = key;
    }

    Map<String, String> headers(SubscriptionRow subscription, String eventId, String timestamp, byte[] body) {
        byte[] content = signed(timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EVENT_ID, eventId);
        headers.put(TIMESTAMP, timestamp);
        if ("HMAC_SM3".equals(subscription.signing())) {
            headers.put(METHOD, "HMAC-SM3");
            headers.put(SIGNATURE, HexFormat.of().formatHex(Sm3.hmac(
                    subscription.openSecret().getBytes(StandardCharsets.UTF_8), content)));
        } else {
            headers.put(METHOD, "SM2");
            String signature = key.sign(content);
            if (signature != null) {
                headers.put(SIGNATURE, signature);
            }
        }
        return headers;
    }

    static byte[] signed(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }
}
