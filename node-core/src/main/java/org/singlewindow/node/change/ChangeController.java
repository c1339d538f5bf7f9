package org.singlewindow.node.change;

import java.util.List;

import org.singlewindow.node.declaration.DeclarationQueries;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Reading a document's changes and versions, at either role: {@code GET /api/v1/declarations/{id}/changes} (the
 * change requests with the agencies' answers; whoever may read the declaration), {@code .../changes/{changeId}},
 * {@code .../versions} (numbers, hashes, which is current) and {@code .../versions/{n}} (one version's whole
 * document: its parties only).
 */
@RestController
@RequestMapping("/api/v1/declarations/{id}")
public class ChangeController {

    private final DeclarationQueries queries;
    private final ChangeMapper changes;
    private final EnvelopeCodec codec;

    public ChangeController(DeclarationQueries queries, ChangeMapper changes, EnvelopeCodec codec) {
        this.queries = queries;
        this.changes = changes;
        this.codec = codec;
    }

    @GetMapping("/changes")
    public List<ChangeView> changes(@PathVariable String id, Authentication authentication) {
        queries.readable(Caller.from(authentication), id);
        return changes.changesOf(id).stream().map(c -> ChangeView.of(c, changes.answersOf(c.id()))).toList();
    }

    @GetMapping("/changes/{changeId}")
    public ChangeView change(@PathVariable String id, @PathVariable String changeId, Authentication authentication) {
        queries.readable(Caller.from(authentication), id);
        ChangeRow change = changes.findChange(changeId);
        if (change == null || !change.declarationId().equals(id)) {
            throw Refusal.notFound("change " + changeId);
        }
        return ChangeView.of(change, changes.answersOf(changeId));
    }

    @GetMapping("/versions")
    public List<ChangeView.Version> versions(@PathVariable String id, Authentication authentication) {
        DeclarationRow row = queries.ofParty(Caller.from(authentication), id);
        int current = changes.stateOf(id).currentVersion();
        List<VersionRow> kept = changes.versionsOf(id);
        if (kept.isEmpty()) {
            return List.of(new ChangeView.Version(1, true, row.contentHash(), null, null, row.createdAt()));
        }
        return kept.stream().map(v -> new ChangeView.Version(v.version(), v.version() == current, v.contentHash(),
                v.signer(), v.changeId(), v.createdAt())).toList();
    }

    @GetMapping("/versions/{version}")
    public JsonNode version(@PathVariable String id, @PathVariable int version, Authentication authentication) {
        DeclarationRow row = queries.ofParty(Caller.from(authentication), id);
        VersionRow kept = changes.findVersion(id, version);
        if (kept != null) {
            return codec.readTree(kept.document());
        }
        if (version == 1 && changes.versionsOf(id).isEmpty()) {
            return codec.readTree(row.document());
        }
        throw Refusal.notFound("version " + version + " of declaration " + id);
    }
}
