package org.singlewindow.provincial.webhook;

import java.time.Instant;

import org.apache.ibatis.annotations.AutomapConstructor;
import org.singlewindow.node.atrest.SealedText;

/**
 * An endpoint an enterprise registered.
 *
 * @param events   the event types it wants, comma separated ({@code STATUS,RECEIPT,CHANGE})
 * @param signing  {@code SM2} (the node signs) or {@code HMAC_SM3} (with {@code secret})
 * @param secret   the HMAC secret, sealed (null for SM2)
 * @param state    {@code ACTIVE} or {@code PAUSED}
 * @param failures       consecutive failed attempts
 * @param forOwner       the enterprise whose documents it follows under that enterprise's grant (null: the owner's own)
 * @param forDeclaration under a grant, the one document it follows (null: all of them)
 */
public record SubscriptionRow(String id, String owner, String url, String events, String signing, SealedText secret,
                              String state, int failures, String pauseReason, String createdBy, Instant createdAt,
                              String forOwner, String forDeclaration) {

    @AutomapConstructor
    public SubscriptionRow {
    }

    public static SealedText seal(String id, String secret) {
        return SealedText.of("webhook_subscription:" + id, secret);
    }

    public String openSecret() {
        return secret == null ? null : secret.open("webhook_subscription:" + id);
    }

    public boolean wants(String eventType) {
        return java.util.Arrays.asList(events.split(",")).contains(eventType);
    }
}
