package org.singlewindow.node.declaration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Where a declaration enters a node, at either role: a province taking a declarant's submission, central taking it
 * from the province. In the caller's transaction: the declaration row (document sealed, content hash), its trail of
 * hops, the audit record, the declarant's (or broker's) signature kept with the time it was judged at, the HS codes
 * of its goods (for searches; the document itself is sealed) and the RECEIVED status. Routing it on is the caller's.
 */
@Component
public class DeclarationStore {

    private static final Pattern HS_CODE = Pattern.compile("\\d{2,10}");

    private final DeclarationMapper declarations;
    private final StatusService status;
    private final AuditLog audit;
    private final DocumentSignatures signatures;
    private final EnvelopeCodec codec;
    private final Clock clock;

    public DeclarationStore(DeclarationMapper declarations, StatusService status, AuditLog audit,
                            DocumentSignatures signatures, EnvelopeCodec codec, Clock clock) {
        this.declarations = declarations;
        this.status = status;
        this.audit = audit;
        this.signatures = signatures;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * A declaration as it arrives.
     *
     * @param submittedBy  the customs broker that submitted for the declarant; null when the declarant did
     * @param delegationId the delegation the broker submitted under (known where it submitted); null otherwise
     */
    public record Received(String id, DocumentType type, JsonNode document, String declarantUscc,
                           String originProvince, String submittedBy, String delegationId) {
    }

    /** The document's verified signature, by whom, and the time it was judged valid at. */
    public record Signed(String signature, String signer, Instant at) {
    }

    /** Who brought it in, as the audit log records it: {@code action} on the declaration, with a detail. */
    public record Audited(String actor, String action, String detail) {
    }

    /** One step of its way so far: at which node, what happened, when. */
    public record Step(String node, String detail, Instant at) {
    }

    /**
     * Stores the declaration with its trail, audit record and signature (null when unsigned), status RECEIVED.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the declarant used the client reference before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receive(Received received, Signed signed, Audited audited, List<Step> trail) {
        Instant now = clock.instant();
        JsonNode document = received.document();
        declarations.insert(new DeclarationRow(received.id(), received.type().name(), received.declarantUscc(),
                document.path("clientReference").asString(), CanonicalJson.sha256(document),
                received.originProvince(), OverallStatus.RECEIVED.name(),
                DeclarationRow.seal(received.id(), codec.write(document)), now, now, received.submittedBy(),
                received.delegationId()));
        List<String> hsCodes = hsCodes(document);
        if (!hsCodes.isEmpty()) {
            declarations.insertItems(received.id(), hsCodes);
        }
        for (Step step : trail) {
            status.hop(received.id(), step.node(), step.detail(), step.at());
        }
        audit.record(audited.actor(), audited.action(), received.id(), audited.detail());
        if (signed != null && signed.signature() != null) {
            signatures.keep(received.id(), signed.signature(), signed.signer(), signed.at());
        }
        status.started(received.id(), OverallStatus.RECEIVED);
    }

    /** The distinct HS codes of the document's goods ({@code data.items[].hsCode}), for searches by HS code. */
    static List<String> hsCodes(JsonNode document) {
        Set<String> codes = new TreeSet<>();
        for (JsonNode item : document.path("data").path("items")) {
            String code = item.path("hsCode").asString("");
            if (HS_CODE.matcher(code).matches()) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }
}
