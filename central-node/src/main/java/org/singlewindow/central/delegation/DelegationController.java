package org.singlewindow.central.delegation;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.delegation.Delegation;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/delegations} at the issuing node: create (signed), list, read, revoke ({@code DELETE}), and
 * {@code GET /check?principal=&documentType=} for a broker (what provincial nodes ask with the broker's token).
 */
@RestController
@RequestMapping(path = "/api/v1/delegations", produces = MediaType.APPLICATION_JSON_VALUE)
public class DelegationController {

    /** A delegation as shown; {@code state} is IN_FORCE, NOT_YET_VALID, EXPIRED or REVOKED. */
    public record View(String id, String principalUscc, String brokerUscc, List<DocumentType> documentTypes,
                       Instant validFrom, Instant validUntil, String state, Instant createdAt, String createdBy,
                       Instant revokedAt, String revokedBy) {

        static View of(Delegation d, Instant now) {
            String state = d.revokedAt() != null ? "REVOKED" : now.isBefore(d.validFrom()) ? "NOT_YET_VALID"
                    : now.isBefore(d.validUntil()) ? "IN_FORCE" : "EXPIRED";
            return new View(d.id(), d.principalUscc(), d.brokerUscc(), d.types(), d.validFrom(), d.validUntil(),
                    state, d.createdAt(), d.createdBy(), d.revokedAt(), d.revokedBy());
        }
    }

    /** The answer to a broker's check: the delegation covering the submission. */
    public record Covered(String delegationId, Instant validUntil) {
    }

    private final DelegationService delegations;
    private final NodeProperties node;
    private final Clock clock;

    public DelegationController(DelegationService delegations, NodeProperties node, Clock clock) {
        this.delegations = delegations;
        this.node = node;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<View> create(HttpServletRequest request, Authentication authentication) throws IOException {
        Delegation d = delegations.create(Caller.from(authentication),
                RequestBodies.read(request, node.intake().maxBodySize()), request.getHeader(DocumentSignatures.HEADER));
        return ResponseEntity.created(URI.create("/api/v1/delegations/" + d.id())).body(View.of(d, clock.instant()));
    }

    @GetMapping
    public List<View> list(Authentication authentication) {
        return delegations.involving(Caller.from(authentication)).stream().map(d -> View.of(d, clock.instant()))
                .toList();
    }

    @GetMapping("/check")
    public Covered check(@RequestParam String principal, @RequestParam String documentType,
                         Authentication authentication) {
        DocumentType type;
        try {
            type = DocumentType.valueOf(documentType);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "BAD_PARAMETER", "Bad parameter", "参数错误",
                    "parameter 'documentType' must be a document type", "参数 documentType 应为单证类型");
        }
        Delegation d = delegations.check(Caller.from(authentication), principal, type);
        return new Covered(d.id(), d.validUntil());
    }

    @GetMapping("/{id}")
    public View get(@PathVariable String id, Authentication authentication) {
        return View.of(delegations.readable(Caller.from(authentication), id), clock.instant());
    }

    @DeleteMapping("/{id}")
    public View revoke(@PathVariable String id, Authentication authentication) {
        return View.of(delegations.revoke(Caller.from(authentication), id), clock.instant());
    }
}
