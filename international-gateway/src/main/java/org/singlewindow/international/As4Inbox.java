package org.singlewindow.international;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;

/**
 * Takes a partner's user message: reads it, matches its P-Mode, verifies and decrypts it ({@link As4Security}),
 * stores it once per message id and answers with a signed receipt. A message id seen before from the same partner is
 * a duplicate: it is delivered once (duplicate elimination), and its receipt is made from the sending it answers
 * (its references are that sending's, so the sender's non-repudiation check matches). The payload is decompressed
 * as its {@code eb:PartProperties} declare ({@code CompressionType}; none declared: taken as it is), and a payload
 * that breaks its P-Mode (not the XML document the P-Mode carries) is refused naming that. Whatever is refused is
 * answered with a signed ebMS error and leaves nothing behind.
 */
@Service
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class As4Inbox {

    private static final Logger log = LoggerFactory.getLogger(As4Inbox.class);

    private final As4Properties settings;
    private final As4Security security;
    private final PModes pmodes;
    private final As4MessageMapper messages;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** What goes back on the HTTP response: a receipt or an error, as SOAP. */
    record Answer(boolean receipt, byte[] soap) {
    }

    As4Inbox(As4Properties settings, As4Security security, PModes pmodes, As4MessageMapper messages,
             TransactionTemplate tx, Clock clock) {
        this.settings = settings;
        this.security = security;
        this.pmodes = pmodes;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    Answer receive(String contentType, byte[] body) {
        String messageId = null;
        try {
            SwaMime.Read read = SwaMime.read(contentType, body);
            Document envelope = Ebms.parse(read.soap());
            Ebms.UserMessage user = Ebms.readUserMessage(envelope).orElseThrow(() -> new As4Refusal("EBMS:0009",
                    "InvalidHeader", "only user messages are taken here; receipts come on our own requests"));
            messageId = user.messageId();
            if (!settings.partyId().equals(user.to())) {
                throw new As4Refusal("EBMS:0010", "ProcessingModeMismatch", "addressed to " + user.to());
            }
            PMode mode = pmodes.inbound(user.service(), user.action(), user.agreement()).orElseThrow(() ->
                    new As4Refusal("EBMS:0010", "ProcessingModeMismatch", "no P-Mode for service " + user.service()
                            + ", action " + user.action() + ", agreement " + user.agreement()));
            As4Security.Secured verified = security.verify(envelope, read.attachments(), user.from());
            if (verified.attachments().size() != 1 || user.partHrefs().size() != 1
                    || !user.partHrefs().get(0).equals("cid:" + verified.attachments().get(0).contentId())) {
                throw new As4Refusal("EBMS:0004", "Other", "exactly one payload, named in PayloadInfo, is expected");
            }
            Instant now = clock.instant();
            byte[] receipt = Ebms.bytes(security.secureSignal(Ebms.receipt(newMessageId(), now, user.messageId(),
                    verified.references())).envelope());
            As4MessageRow seen = messages.find(user.messageId());
            if (seen != null) {
                return duplicate(seen, user, receipt);
            }
            byte[] payload = PartnerPayloads.payload(user.parts().get(0), verified.attachments().get(0).bytes());
            String documentId = PartnerPayloads.documentId(mode.document(), payload);
            String xml = new String(payload, StandardCharsets.UTF_8);
            As4MessageRow row = As4MessageRow.received(user.messageId(), user.from(), mode, user.conversationId(),
                    user.refToMessageId(), xml, new String(receipt, StandardCharsets.UTF_8), now);
            try {
                tx.executeWithoutResult(s -> store(row, mode, xml, now));
            } catch (DuplicateKeyException raced) {
                return duplicate(messages.find(user.messageId()), user, receipt);
            }
            log.info("AS4 message {} from {} taken ({} {}, conversation {})", user.messageId(), user.from(),
                    mode.document(), documentId, user.conversationId());
            return new Answer(true, receipt);
        } catch (As4Refusal refusal) {
            return refuse(refusal, messageId);
        }
    }

    /** Stores a message; a partner's result for one of ours is recorded on ours and needs no handing over. */
    private void store(As4MessageRow row, PMode mode, String xml, Instant now) {
        messages.insert(row);
        if (mode.document() == PartnerDocument.RESULT) {
            PartnerPayloads.Result result = PartnerPayloads.readResult(xml.getBytes(StandardCharsets.UTF_8));
            messages.answered(row.messageId(), result.status(), result.message(), null, null, now);
            messages.resultOf(result.refToMessageId(), result.status(), result.message(), now);
        }
    }

    /** A message id taken before: by the same partner, a repeat, delivered once and acknowledged as this sending. */
    private Answer duplicate(As4MessageRow seen, Ebms.UserMessage user, byte[] receipt) {
        if (!seen.partner().equals(user.from()) || seen.receipt() == null) {
            throw new As4Refusal("EBMS:0004", "Other", "message id " + user.messageId() + " is taken");
        }
        log.info("AS4 message {} from {} is a duplicate: eliminated, this sending acknowledged", user.messageId(),
                user.from());
        return new Answer(true, receipt);
    }

    Answer refuse(As4Refusal refusal, String refTo) {
        log.warn("AS4 message {} refused: {} {}", refTo, refusal.code(), refusal.getMessage());
        Document error = Ebms.error(newMessageId(), clock.instant(), refTo, refusal.code(),
                refusal.shortDescription(), refusal.getMessage());
        return new Answer(false, Ebms.bytes(security.secureSignal(error).envelope()));
    }

    static String newMessageId() {
        return UUID.randomUUID() + "@singlewindow.cn";
    }
}
