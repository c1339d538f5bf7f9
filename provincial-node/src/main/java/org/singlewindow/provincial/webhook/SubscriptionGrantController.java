package org.singlewindow.provincial.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationQueries;
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
 * A trader lets its logistics partner (another enterprise) subscribe to its documents
 * ({@code /api/v1/subscription-grants}): to all of them, or to one ({@code declarationId}, one of its own). The partner
 * then registers endpoints naming the trader ({@code "enterprise"}). Revoking a grant stops its subscriptions at once,
 * deliveries already queued included. Both are audited ({@code WEBHOOK_GRANTED}, {@code WEBHOOK_GRANT_REVOKED}); the
 * list shows the grants an enterprise gave and those it was given.
 */
@RestController
public class SubscriptionGrantController {

    private final WebhookMapper webhooks;
    private final DeclarationQueries declarations;
    private final AuditLog audit;
    private final NodeProperties node;
    private final Clock clock;

    public SubscriptionGrantController(WebhookMapper webhooks, DeclarationQueries declarations, AuditLog audit,
                                       NodeProperties node, Clock clock) {
        this.webhooks = webhooks;
        this.declarations = declarations;
        this.audit = audit;
        this.node = node;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/subscription-grants", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public ResponseEntity<GrantRow> grant(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = Caller.declarant(authentication, "grant subscriptions", "授权订阅");
        JsonNode body = RequestBodies.read(request, node.intake().maxBodySize());
        String partner = body.path("partner").asString("");
        String declarationId = body.path("declarationId").asString(null);
        FieldChecks checks = new FieldChecks();
        checks.expect(partner.matches("[0-9A-HJ-NP-RTUW-Y]{18}") && !partner.equals(caller.uscc()), "$.partner",
                "BAD_PARTNER", "须为另一家企业的统一社会信用代码", "the unified social credit code of another enterprise");
        checks.done();
        if (declarationId != null) {
            declarations.ofParty(caller, declarationId); // one's own document, else 404/403
        }
        GrantRow grant = new GrantRow(UUID.randomUUID().toString(), caller.uscc(), partner, declarationId,
                caller.clientId(), clock.instant(), null, null);
        webhooks.insertGrant(grant);
        audit.record(caller.clientId(), "WEBHOOK_GRANTED", grant.id(), partner
                + (declarationId == null ? " all documents" : " " + declarationId));
        return ResponseEntity.created(URI.create("/api/v1/subscription-grants/" + grant.id())).body(grant);
    }

    @GetMapping(path = "/api/v1/subscription-grants", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<GrantRow> list(Authentication authentication) {
        return webhooks.grantsOf(Caller.declarant(authentication, "see subscription grants", "查看订阅授权").uscc());
    }

    @DeleteMapping(path = "/api/v1/subscription-grants/{id}")
    @Transactional
    public ResponseEntity<Void> revoke(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.declarant(authentication, "revoke subscription grants", "撤销订阅授权");
        GrantRow grant = webhooks.findGrant(id);
        if (grant == null || !grant.owner().equals(caller.uscc())) {
            throw Refusal.notFound("grant " + id);
        }
        if (webhooks.revokeGrant(id, caller.clientId(), clock.instant()) > 0) {
            audit.record(caller.clientId(), "WEBHOOK_GRANT_REVOKED", id, grant.partner());
        }
        return ResponseEntity.noContent().build();
    }
}
