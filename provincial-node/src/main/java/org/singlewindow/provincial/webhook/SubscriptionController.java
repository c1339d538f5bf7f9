package org.singlewindow.provincial.webhook;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.web.FieldChecks;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise's webhook endpoints ({@code /api/v1/subscriptions}): registered for chosen event types with a
 * signing method (the HMAC secret is shown once, in the answer to the registration), listed with their state (a
 * paused endpoint says why), deleted, resumed; and each endpoint's delivery log, with a delivery sent again by hand.
 * Registration and deletion are audited. Another enterprise's endpoint is 404.
 */
@RestController
public class SubscriptionController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookMapper webhooks;
    private final WebhookProperties settings;
    private final WebhookSender sender;
    private final AuditLog audit;
    private final NodeProperties node;
    private final Clock clock;

    public SubscriptionController(WebhookMapper webhooks, WebhookProperties settings, WebhookSender sender,
                                  AuditLog audit, NodeProperties node, Clock clock) {
        this.webhooks = webhooks;
        this.settings = settings;
        this.sender = sender;
        this.audit = audit;
        this.node = node;
        this.clock = clock;
    }

    /**
     * An endpoint as its enterprise sees it; {@code secret} only in the answer to its registration; under another
     * enterprise's grant, that {@code enterprise} and the one {@code declarationId} it follows, if it follows one.
     */
    public record SubscriptionView(String id, String url, List<String> events, String signing, String state,
                                   int failures, String pauseReason, Instant createdAt, String enterprise,
                                   String declarationId, String secret) {

        static SubscriptionView of(SubscriptionRow row, String secret) {
            return new SubscriptionView(row.id(), row.url(), List.of(row.events().split(",")), row.signing(),
                    row.state(), row.failures(), row.pauseReason(), row.createdAt(), row.forOwner(),
                    row.forDeclaration(), secret);
        }
    }

    @PostMapping(path = "/api/v1/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public ResponseEntity<SubscriptionView> register(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = enterprise(authentication);
        JsonNode body = RequestBodies.read(request, node.intake().maxBodySize());
        String url = body.path("url").asString("");
        List<String> events = new ArrayList<>();
        body.path("events").forEach(e -> events.add(e.asString("")));
        String signing = body.path("signing").asString("SM2");
        String enterprise = body.path("enterprise").asString(null);
        String declarationId = body.path("declarationId").asString(null);
        String forOwner = enterprise == null || enterprise.equals(caller.uscc()) ? null : enterprise;
        String refusal = WebhookTargets.refusal(url, settings.allowLoopback());
        FieldChecks checks = new FieldChecks();
        checks.expect(refusal == null, "$.url", "ENDPOINT_REFUSED", "端点须为公网地址的 https URL：" + refusal,
                "an endpoint is an https URL on a public address: " + refusal);
        checks.expect(!events.isEmpty() && WebhookEvents.TYPES.containsAll(events), "$.events", "UNKNOWN_EVENT",
                "事件须为 STATUS、RECEIPT、CHANGE 中的一个或多个", "one or more of STATUS, RECEIPT, CHANGE");
        checks.expect(signing.equals("SM2") || signing.equals("HMAC_SM3"), "$.signing", "UNKNOWN_SIGNING",
                "签名方式须为 SM2 或 HMAC_SM3", "SM2 or HMAC_SM3");
        checks.expect(declarationId == null || forOwner != null, "$.declarationId", "OWN_DOCUMENTS_ALL",
                "订阅本企业单证时不指定单证，所有单证均推送", "one's own endpoints follow all one's documents");
        checks.done();
        if (forOwner != null && !webhooks.grantCovers(forOwner, caller.uscc(), declarationId)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NO_GRANT", "No grant", "未获授权",
                    "enterprise " + forOwner + " has not let yours follow " + (declarationId == null
                            ? "its documents" : "document " + declarationId), "企业 " + forOwner + " 未授权贵企业订阅"
                            + (declarationId == null ? "其单证" : "单证 " + declarationId),
                    List.of(new org.singlewindow.contracts.declaration.Violation("$.enterprise", "NO_GRANT",
                            "该企业未授权订阅", "that enterprise gave no grant covering this")));
        }
        if (webhooks.subscriptionsOf(caller.uscc()).size() >= settings.maxPerEnterprise()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "SUBSCRIPTION_LIMIT", "Too many endpoints", "端点过多",
                    "an enterprise registers at most " + settings.maxPerEnterprise() + " endpoints",
                    "每家企业最多登记 " + settings.maxPerEnterprise() + " 个端点");
        }
        String id = UUID.randomUUID().toString();
        String secret = signing.equals("HMAC_SM3") ? HexFormat.of().formatHex(random(32)) : null;
        SubscriptionRow row = new SubscriptionRow(id, caller.uscc(), url, String.join(",", events.stream().distinct()
                .toList()), signing, secret == null ? null : SubscriptionRow.seal(id, secret), "ACTIVE", 0, null,
                caller.clientId(), clock.instant(), forOwner, forOwner == null ? null : declarationId);
        webhooks.insertSubscription(row);
        audit.record(caller.clientId(), "WEBHOOK_REGISTERED", id, url + " " + row.events() + " " + signing
                + (forOwner == null ? "" : " for " + forOwner + (declarationId == null ? "" : " " + declarationId)));
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + id)).body(SubscriptionView.of(row, secret));
    }

    @GetMapping(path = "/api/v1/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<SubscriptionView> list(Authentication authentication) {
        return webhooks.subscriptionsOf(enterprise(authentication).uscc()).stream()
                .map(r -> SubscriptionView.of(r, null)).toList();
    }

    @DeleteMapping(path = "/api/v1/subscriptions/{id}")
    @Transactional
    public ResponseEntity<Void> delete(@PathVariable String id, Authentication authentication) {
        Caller caller = enterprise(authentication);
        own(caller, id);
        webhooks.deleteDeliveriesOf(id);
        webhooks.deleteSubscription(id);
        audit.record(caller.clientId(), "WEBHOOK_DELETED", id, null);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/subscriptions/{id}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    public SubscriptionView resume(@PathVariable String id, Authentication authentication) {
        own(enterprise(authentication), id);
        webhooks.resume(id);
        sender.wakeUp();
        return SubscriptionView.of(webhooks.findSubscription(id), null);
    }

    /** The endpoint's last 100 deliveries, the newest first. */
    @GetMapping(path = "/api/v1/subscriptions/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DeliveryRow> deliveries(@PathVariable String id, Authentication authentication) {
        own(enterprise(authentication), id);
        return webhooks.deliveriesOf(id, 100);
    }

    @PostMapping(path = "/api/v1/subscriptions/{id}/deliveries/{delivery}/redelivery")
    public ResponseEntity<Void> redeliver(@PathVariable String id, @PathVariable long delivery,
                                          Authentication authentication) {
        own(enterprise(authentication), id);
        DeliveryRow row = webhooks.findDelivery(delivery);
        if (row == null || !row.subscriptionId().equals(id)) {
            throw Refusal.notFound("delivery " + delivery);
        }
        webhooks.redeliver(delivery, clock.instant());
        sender.wakeUp();
        return ResponseEntity.accepted().build();
    }

    private SubscriptionRow own(Caller caller, String id) {
        SubscriptionRow row = webhooks.findSubscription(id);
        if (row == null || !row.owner().equals(caller.uscc())) {
            throw Refusal.notFound("subscription " + id);
        }
        return row;
    }

    private static Caller enterprise(Authentication authentication) {
        return Caller.declarant(authentication, "register webhooks", "登记推送端点");
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
