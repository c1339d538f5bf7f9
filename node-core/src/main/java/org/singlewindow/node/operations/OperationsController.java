package org.singlewindow.node.operations;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.outbox.OutboxMapper;
import org.singlewindow.node.outbox.OutboxRelay;
import org.singlewindow.node.transport.LinkHealth;
import org.singlewindow.node.web.ApiException;
import org.singlewindow.node.web.FieldChecks;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The operations API of a node, for its operators (a province's NODE_OPERATORs, central operators everywhere):
 * <ul>
 *   <li>{@code GET /api/v1/ops/links}: each link up or down (since when, the last failure's reason, failed attempts
 *   in a row) and the backlog of each queue (messages, in delivery, consumers, age of the oldest);</li>
 *   <li>{@code GET /api/v1/ops/dead-letters[?queue=&limit=]}: what is parked, and why;</li>
 *   <li>{@code POST /api/v1/ops/dead-letters/{queue}/replay} with {@code {"messageId"}} (one) or {@code {}} (all):
 *   back to the queue they came from;</li>
 *   <li>{@code POST /api/v1/ops/dead-letters/{queue}/discard} with {@code {"messageId", "reason"}}: removed, the
 *   reason kept in the audit log;</li>
 *   <li>{@code GET /api/v1/ops/outbox/parked}, {@code POST /api/v1/ops/outbox/{id}/replay},
 *   {@code POST /api/v1/ops/outbox/{id}/discard} with {@code {"reason"}}: the same for outbox rows the relay set
 *   aside.</li>
 * </ul>
 * Every replay and discard is audited ({@code DEAD_LETTER_REPLAYED}, {@code DEAD_LETTER_DISCARDED},
 * {@code OUTBOX_ROW_REPLAYED}, {@code OUTBOX_ROW_DISCARDED}).
 */
@RestController
@RequestMapping(path = "/api/v1/ops", produces = MediaType.APPLICATION_JSON_VALUE)
public class OperationsController {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9:._-]{1,100}");

    private final NodeProperties node;
    private final OperatedQueues queues;
    private final DeadLetterQueues deadLetters;
    private final QueueStats stats;
    private final LinkHealth links;
    private final AuditLog audit;
    private final OutboxMapper outbox;
    private final OutboxRelay relay;
    private final TransactionTemplate tx;

    public OperationsController(NodeProperties node, OperatedQueues queues, DeadLetterQueues deadLetters,
                                QueueStats stats, LinkHealth links, AuditLog audit, OutboxMapper outbox,
                                OutboxRelay relay, TransactionTemplate tx) {
        this.outbox = outbox;
        this.relay = relay;
        this.tx = tx;
        this.node = node;
        this.queues = queues;
        this.deadLetters = deadLetters;
        this.stats = stats;
        this.links = links;
        this.audit = audit;
    }

    /** The node's links and backlogs. */
    public record Health(String node, List<LinkHealth.State> links, List<QueueStats.Backlog> queues) {
    }

    @GetMapping("/links")
    public Health links(Authentication authentication) {
        operator(authentication);
        List<QueueStats.Backlog> backlogs = new ArrayList<>();
        for (String queue : queues.all()) {
            backlogs.add(stats.of(queue));
        }
        return new Health(node.code(), links.states(), backlogs);
    }

    @GetMapping("/dead-letters")
    public List<DeadLetterQueues.Parking> deadLetters(Authentication authentication,
                                                      @RequestParam(required = false) String queue,
                                                      @RequestParam(defaultValue = "50") int limit) {
        operator(authentication);
        if (queue != null) {
            known(queue);
        }
        int max = Math.max(0, Math.min(limit, 500));
        return (queue == null ? queues.all() : List.of(queue)).stream().map(q -> deadLetters.list(q, max)).toList();
    }

    @PostMapping(path = "/dead-letters/{queue}/replay")
    public Map<String, Object> replay(@PathVariable String queue, HttpServletRequest request,
                                      Authentication authentication) throws IOException {
        Caller caller = operator(authentication);
        known(queue);
        JsonNode body = request.getContentLengthLong() > 0 ? RequestBodies.read(request, node.intake().maxBodySize())
                : null;
        String messageId = null;
        if (body != null && body.has("messageId")) {
            FieldChecks checks = new FieldChecks();
            messageId = checks.text(body, "messageId", 100);
            checks.expect(messageId == null || MESSAGE_ID.matcher(messageId).matches(), "$.messageId", "FORMAT",
                    "消息标识只能包含字母、数字和 :._-", "a message id has letters, digits and :._- only").done();
        }
        List<String> replayed = deadLetters.replay(queue, messageId);
        if (messageId != null && replayed.isEmpty()) {
            throw notParked(queue, messageId);
        }
        replayed.forEach(id -> audit.recordNow(caller.clientId(), "DEAD_LETTER_REPLAYED", id, "to " + queue));
        return Map.of("queue", queue, "replayed", replayed);
    }

    @PostMapping(path = "/dead-letters/{queue}/discard")
    public Map<String, Object> discard(@PathVariable String queue, HttpServletRequest request,
                                       Authentication authentication) throws IOException {
        Caller caller = operator(authentication);
        known(queue);
        JsonNode body = RequestBodies.read(request, node.intake().maxBodySize());
        FieldChecks checks = new FieldChecks();
        String messageId = checks.text(body, "messageId", 100);
        String reason = checks.text(body, "reason", 500);
        checks.expect(messageId == null || MESSAGE_ID.matcher(messageId).matches(), "$.messageId", "FORMAT",
                "消息标识只能包含字母、数字和 :._-", "a message id has letters, digits and :._- only").done();
        if (!deadLetters.discard(queue, messageId)) {
            throw notParked(queue, messageId);
        }
        audit.recordNow(caller.clientId(), "DEAD_LETTER_DISCARDED", messageId, "from " + queue + ": " + reason);
        return Map.of("queue", queue, "discarded", messageId, "reason", reason);
    }

    /** An outbox row the relay set aside, as operators see it (never its body). */
    public record ParkedRow(long id, String messageId, String queue, String declarationId, Instant createdAt,
                            Instant parkedAt, String reason) {
    }

    @GetMapping("/outbox/parked")
    public List<ParkedRow> parkedRows(Authentication authentication) {
        operator(authentication);
        return outbox.parked(500).stream().map(r -> new ParkedRow(r.id(), r.messageId(), r.queueName(), r.groupId(),
                r.createdAt(), r.parkedAt(), r.parkReason())).toList();
    }

    @PostMapping("/outbox/{id}/replay")
    public Map<String, Object> replayRow(@PathVariable long id, Authentication authentication) {
        Caller caller = operator(authentication);
        if (tx.execute(s -> {
            int changed = outbox.unpark(id);
            if (changed > 0) {
                audit.record(caller.clientId(), "OUTBOX_ROW_REPLAYED", Long.toString(id), null);
            }
            return changed;
        }) == 0) {
            throw rowNotParked(id);
        }
        relay.wakeUp();
        return Map.of("replayed", id);
    }

    @PostMapping("/outbox/{id}/discard")
    public Map<String, Object> discardRow(@PathVariable long id, HttpServletRequest request,
                                          Authentication authentication) throws IOException {
        Caller caller = operator(authentication);
        FieldChecks checks = new FieldChecks();
        String reason = checks.text(RequestBodies.read(request, node.intake().maxBodySize()), "reason", 500);
        checks.done();
        if (tx.execute(s -> {
            int changed = outbox.deleteParked(id);
            if (changed > 0) {
                audit.record(caller.clientId(), "OUTBOX_ROW_DISCARDED", Long.toString(id), reason);
            }
            return changed;
        }) == 0) {
            throw rowNotParked(id);
        }
        return Map.of("discarded", id, "reason", reason);
    }

    private static ApiException rowNotParked(long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_PARKED", "Not parked", "未找到该搁置消息",
                "outbox row " + id + " is not parked", "发件箱中没有被搁置的第 " + id + " 行");
    }

    private Caller operator(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.operates(node.code())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_THIS_NODES_OPERATOR", "Not an operator of this node",
                    "非本节点运维人员", "only this node's operators (and central operators) may operate its queues",
                    "只有本节点运维人员（及中央运维人员）可以操作本节点的队列");
        }
        return caller;
    }

    private void known(String queue) {
        if (!queues.contains(queue)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "QUEUE_UNKNOWN", "Unknown queue", "未知队列",
                    "this node operates " + queues.all() + ", not '" + queue + "'", "本节点没有队列 " + queue);
        }
    }

    private static ApiException notParked(String queue, String messageId) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_PARKED", "Not parked", "未找到该死信",
                "message " + messageId + " is not parked in the dead-letter queue of " + queue,
                "队列 " + queue + " 的死信队列中没有消息 " + messageId);
    }
}
