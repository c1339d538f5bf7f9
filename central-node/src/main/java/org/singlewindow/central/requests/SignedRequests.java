package org.singlewindow.central.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.retention.Retention;
import org.singlewindow.node.retention.RetentionProperties;
import org.singlewindow.node.web.FieldChecks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Signed requests that change identity state (a delegation, a certificate binding) are taken once: their body
 * carries {@code nonce} (16 to 64 letters, digits, {@code -} or {@code _}, new for every request) and
 * {@code issuedAt} (an ISO-8601 instant within {@value #WINDOW_MINUTES} minutes of the node's clock), both covered
 * by the signature. A body issued outside the window is refused ({@code REQUEST_STALE}); a nonce seen before for the
 * same purpose is refused ({@code REPLAYED}, 409), in the transaction of the change itself. Used nonces are kept at
 * least as long as the window ({@code sw.retention.nonces}).
 */
@Component
public class SignedRequests {

    static final int WINDOW_MINUTES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final NonceMapper nonces;
    private final Clock clock;

    public SignedRequests(NonceMapper nonces, Clock clock, Retention retention, RetentionProperties keep) {
        this.nonces = nonces;
        this.clock = clock;
        retention.register("request_nonce", keep.nonces().compareTo(WINDOW.multipliedBy(2)) < 0
                ? WINDOW.multipliedBy(2) : keep.nonces(), nonces::deleteUsedBefore);
    }

    /** Checks the body's {@code nonce} and {@code issuedAt} fields, recording any error in {@code checks}. */
    public void checkFreshness(FieldChecks checks, JsonNode body) {
        String nonce = checks.text(body, "nonce", 64);
        checks.expect(nonce == null || NONCE.matcher(nonce).matches(), "$.nonce", "FORMAT",
                "应为 16 至 64 个字母、数字、- 或 _，每次请求不同", "16 to 64 letters, digits, - or _, new for every request");
        String issuedAt = checks.text(body, "issuedAt", 40);
        if (issuedAt != null) {
            Instant at = null;
            try {
                at = Instant.parse(issuedAt);
            } catch (DateTimeParseException e) {
                checks.expect(false, "$.issuedAt", "FORMAT", "应为 ISO-8601 时刻，如 2026-12-03T08:00:00Z",
                        "an ISO-8601 instant, e.g. 2026-12-03T08:00:00Z");
            }
            Instant now = clock.instant();
            checks.expect(at == null || (at.isAfter(now.minus(WINDOW)) && at.isBefore(now.plus(WINDOW))), "$.issuedAt",
                    "REQUEST_STALE", "签发时间须在当前时间前后 " + WINDOW_MINUTES + " 分钟内",
                    "must be within " + WINDOW_MINUTES + " minutes of now");
        }
    }

    /**
     * Takes the body's nonce for {@code purpose}, in the caller's transaction (it commits with the change).
     *
     * @throws Refusal 409 {@code REPLAYED} when the nonce was taken before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOnce(String purpose, JsonNode body) {
        try {
            nonces.insert(purpose, body.get("nonce").asString(), clock.instant());
        } catch (DuplicateKeyException replay) {
            throw new Refusal(Refusal.Kind.CONFLICT, "REPLAYED", "Request replayed", "请求重放",
                    "this signed request (nonce " + body.get("nonce").asString() + ") was taken before; sign a new one "
                    + "with a new nonce", "该签名请求已被受理过，请使用新的随机数重新签名");
        }
    }
}
