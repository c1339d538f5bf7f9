package org.singlewindow.provincial.peer;

import java.util.List;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/peer-copies}: copies peer provinces sent here, for this node's operators. */
@RestController
@RequestMapping("/api/v1/peer-copies")
public class PeerCopyController {

    private final PeerCopyMapper copies;
    private final EnvelopeCodec codec;
    private final String nodeCode;

    public PeerCopyController(PeerCopyMapper copies, EnvelopeCodec codec, NodeProperties node) {
        this.copies = copies;
        this.codec = codec;
        this.nodeCode = node.code();
    }

    /** A copy as operators see it. */
    public record PeerCopyView(String messageId, String declarationId, String fromProvince, String ruleId,
                               JsonNode document, java.time.Instant receivedAt) {
    }

    @GetMapping
    public List<PeerCopyView> list(Authentication authentication,
                                   @RequestParam(required = false) String declarationId) {
        if (!Caller.from(authentication).operates(nodeCode)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ROLE_REQUIRED", "Forbidden", "无权访问",
                    "peer copies are for this node's operators", "仅本节点运营人员可查看");
        }
        List<PeerCopyRow> rows = declarationId == null ? copies.latest(100) : copies.byDeclaration(declarationId);
        return rows.stream().map(r -> new PeerCopyView(r.messageId(), r.declarationId(), r.fromProvince(),
                r.ruleId(), codec.readTree(r.document()), r.receivedAt())).toList();
    }
}
