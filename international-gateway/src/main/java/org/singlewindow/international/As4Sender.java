package org.singlewindow.international;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.singlewindow.node.persistence.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sends due user messages to partner windows and reads the answer on the same connection (reception awareness): a
 * signed receipt from the partner whose non-repudiation information repeats our signature's payload references
 * digest for digest makes the message DELIVERED (the receipt kept); no answer, another answer, or a receipt that does not verify is a failed
 * attempt, tried again after {@code sw.as4.retry.first-delay}, doubling up to {@code max-delay}, until
 * {@code max-attempts} (then FAILED, for an operator). An ebMS error from the partner is final (FAILED with its code):
 * sending the same message again would be refused again. Every attempt carries the same MessageId, so a partner that
 * took it before eliminates the duplicate and answers with its receipt.
 */
@Component
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class As4Sender extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(As4Sender.class);
    private static final int BATCH = 20;

    private final As4Properties settings;
    private final As4Security security;
    private final PModes pmodes;
    private final As4MessageMapper messages;
    private final Clock clock;
    private final HttpClient http;

    As4Sender(As4Properties settings, As4Security security, PModes pmodes, As4MessageMapper messages, Clock clock) {
        super("as4-sender", settings.retry().interval(), false);
        this.settings = settings;
        this.security = security;
        this.pmodes = pmodes;
        this.messages = messages;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.retry().timeout()).build();
    }

    @Override
    protected void pass() {
        sendDue();
    }

    /** Sends every due message once; returns how many were delivered. */
    int sendDue() {
        int delivered = 0;
        for (As4MessageRow row : messages.due(clock.instant(), BATCH)) {
            if (attempt(row)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(As4MessageRow row) {
        PMode mode = pmodes.byId(row.pmode()).orElse(null);
        As4Properties.Partner partner = settings.partners().get(row.partner());
        if (mode == null || partner == null) {
            return outcome(row, "FAILED", "no P-Mode " + row.pmode() + " or partner " + row.partner(), null);
        }
        String contentId = "payload-" + row.messageId();
        Document envelope = Ebms.userMessage(row.messageId(), clock.instant(), row.refTo(), settings.partyId(),
                row.partner(), mode, row.conversationId(), contentId);
        As4Security.Secured sent = security.secureUserMessage(envelope, new SwaMime.Part(contentId,
                "application/gzip", PartnerPayloads.gzip(row.xml())), row.partner());
        SwaMime.Message message = SwaMime.write(Ebms.bytes(sent.envelope()), sent.attachments());
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(partner.endpoint()).timeout(settings.retry().timeout())
                    .header("Content-Type", message.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(message.body())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return retry(row, "no answer from " + partner.endpoint() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return answered(row, sent, response);
    }

    private boolean answered(As4MessageRow row, As4Security.Secured sent, HttpResponse<byte[]> response) {
        Ebms.Signal signal;
        try {
            SwaMime.Read read = SwaMime.read(response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            Document answer = Ebms.parse(read.soap());
            signal = Ebms.readSignal(answer).orElseThrow(() -> new As4Refusal("EBMS:0009", "InvalidHeader",
                    "HTTP " + response.statusCode() + " without a signal"));
            security.verify(answer, List.of(), row.partner());
        } catch (As4Refusal unusable) {
            return retry(row, "HTTP " + response.statusCode() + ", no valid receipt: " + unusable.getMessage());
        }
        if (!row.messageId().equals(signal.refToMessageId())) {
            return retry(row, "the answer refers to " + signal.refToMessageId());
        }
        if (signal.errorCode() != null) {
            log.warn("AS4 message {} to {} refused: {} {}", row.messageId(), row.partner(), signal.errorCode(),
                    signal.errorDetail());
            return outcome(row, "FAILED", signal.errorCode() + " " + signal.errorDetail(), null);
        }
        if (!signal.receipt() || !sameReferences(sent.references(), signal.acknowledged())) {
            return retry(row, "the receipt does not acknowledge what we signed");
        }
        log.info("AS4 message {} delivered to {} (conversation {}, attempt {})", row.messageId(), row.partner(),
                row.conversationId(), row.attempts() + 1);
        return outcome(row, "DELIVERED", null, new String(response.body(), StandardCharsets.UTF_8));
    }

    /**
     * Whether the receipt acknowledges each payload we signed ({@code cid:} references) with the same digest. The
     * header's and body's references are left out: they change with every attempt (timestamp, ids), and a partner
     * answering a repeated attempt as a duplicate sends the receipt it gave the first.
     */
    static boolean sameReferences(List<Element> signed, List<Element> acknowledged) {
        Map<String, String> ours = digests(signed);
        ours.keySet().removeIf(uri -> !uri.startsWith("cid:"));
        Map<String, String> theirs = digests(acknowledged);
        return !ours.isEmpty() && ours.entrySet().stream().allMatch(e -> e.getValue().equals(theirs.get(e.getKey())));
    }

    private static Map<String, String> digests(List<Element> references) {
        Map<String, String> out = new HashMap<>();
        for (Element reference : references) {
            String digest = Ebms.first(reference, Ebms.DS_NS, "DigestValue").map(e -> e.getTextContent().trim())
                    .orElse("");
            out.put(reference.getAttribute("URI"), digest);
        }
        return out;
    }

    private boolean retry(As4MessageRow row, String why) {
        int attempts = row.attempts() + 1;
        if (attempts >= settings.retry().maxAttempts()) {
            log.warn("AS4 message {} to {} FAILED after {} attempts: {}", row.messageId(), row.partner(), attempts,
                    why);
            return outcome(row, "FAILED", why, null);
        }
        Duration wait = settings.retry().after(attempts);
        log.info("AS4 message {} to {}: attempt {} failed ({}), again in {}", row.messageId(), row.partner(),
                attempts, why, wait);
        messages.attempted(row.messageId(), row.attempts(), "PENDING", clock.instant().plus(wait), why, null,
                clock.instant());
        return false;
    }

    private boolean outcome(As4MessageRow row, String status, String error, String receipt) {
        Instant now = clock.instant();
        messages.attempted(row.messageId(), row.attempts(), status, now, error, receipt, now);
        return "DELIVERED".equals(status);
    }
}
