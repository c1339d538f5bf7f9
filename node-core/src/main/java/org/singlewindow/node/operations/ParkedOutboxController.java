package org.singlewindow.node.operations;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.outbox.OutboxMapper;
import org.singlewindow.node.outbox.OutboxRelay;
import org.singlewindow.node.web.FieldChecks;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbox rows the relay set aside (a body that does not open, a destination the broker refuses), for the node's
 * operators: {@code GET /api/v1/ops/outbox/parked} (never the bodies), {@code POST /api/v1/ops/outbox/{id}/replay}
 * (back in line, {@code OUTBOX_ROW_REPLAYED}), {@code POST /api/v1/ops/outbox/{id}/discard} with
 * {@code {"reason"}} ({@code OUTBOX_ROW_DISCARDED}, the reason in the audit log).
 */
@RestController
@RequestMapping(path = "/api/v1/ops/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
public class ParkedOutboxController {

    private final NodeProperties node;
    private final Operators operators;
    private final OutboxMapper outbox;
    private final OutboxRelay relay;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    public ParkedOutboxController(NodeProperties node, Operators operators, OutboxMapper outbox, OutboxRelay relay,
                                  AuditLog audit, TransactionTemplate tx) {
        this.node = node;
        this.operators = operators;
        this.outbox = outbox;
        this.relay = relay;
        this.audit = audit;
        this.tx = tx;
    }

    /** An outbox row the relay set aside, as operators see it (never its body). */
    public record ParkedRow(long id, String messageId, String queue, String declarationId, Instant createdAt,
                            Instant parkedAt, String reason) {
    }

    @GetMapping("/parked")
    public List<ParkedRow> parked(Authentication authentication) {
        operators.require(authentication);
        return outbox.parked(500).stream().map(r -> new ParkedRow(r.id(), r.messageId(), r.queueName(), r.groupId(),
                r.createdAt(), r.parkedAt(), r.parkReason())).toList();
    }

    @PostMapping("/{id}/replay")
    public Map<String, Object> replay(@PathVariable long id, Authentication authentication) {
        Caller caller = operators.require(authentication);
        change(id, () -> outbox.unpark(id), caller, "OUTBOX_ROW_REPLAYED", null);
        relay.wakeUp();
        return Map.of("replayed", id);
    }

    @PostMapping("/{id}/discard")
    public Map<String, Object> discard(@PathVariable long id, HttpServletRequest request,
                                       Authentication authentication) throws IOException {
        Caller caller = operators.require(authentication);
        FieldChecks checks = new FieldChecks();
        String reason = checks.text(RequestBodies.read(request, node.intake().maxBodySize()), "reason", 500);
        checks.done();
        change(id, () -> outbox.deleteParked(id), caller, "OUTBOX_ROW_DISCARDED", reason);
        return Map.of("discarded", id, "reason", reason);
    }

    /** Applies a change to a parked row and audits it in one transaction; 404 when the row is not parked. */
    private void change(long id, java.util.function.IntSupplier update, Caller caller, String action, String detail) {
        boolean changed = Boolean.TRUE.equals(tx.execute(s -> {
            if (update.getAsInt() == 0) {
                return false;
            }
            audit.record(caller.clientId(), action, Long.toString(id), detail);
            return true;
        }));
        if (!changed) {
            throw Operators.notParked("outbox row " + id);
        }
    }
}
