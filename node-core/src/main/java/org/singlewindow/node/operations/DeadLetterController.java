package org.singlewindow.node.operations;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.web.FieldChecks;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The dead-letter queues of the queues a node looks after, for its operators:
 * <ul>
 *   <li>{@code GET /api/v1/ops/dead-letters[?queue=&limit=]}: what is parked, and why;</li>
 *   <li>{@code POST /api/v1/ops/dead-letters/{queue}/replay} with {@code {"messageId"}} (one) or no body (all): back
 *   to the queue they came from ({@code DEAD_LETTER_REPLAYED} in the audit log);</li>
 *   <li>{@code POST /api/v1/ops/dead-letters/{queue}/discard} with {@code {"messageId", "reason"}}: removed, the
 *   reason kept in the audit log ({@code DEAD_LETTER_DISCARDED}).</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/v1/ops/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeadLetterController {

    private final NodeProperties node;
    private final Operators operators;
    private final OperatedQueues queues;
    private final DeadLetterQueues deadLetters;
    private final AuditLog audit;

    public DeadLetterController(NodeProperties node, Operators operators, OperatedQueues queues,
                                DeadLetterQueues deadLetters, AuditLog audit) {
        this.node = node;
        this.operators = operators;
        this.queues = queues;
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping
    public List<DeadLetterQueues.Parking> list(Authentication authentication,
                                               @RequestParam(required = false) String queue,
                                               @RequestParam(defaultValue = "50") int limit) {
        operators.require(authentication);
        if (queue != null) {
            known(queue);
        }
        int max = Math.max(0, Math.min(limit, 500));
        return (queue == null ? queues.all() : List.of(queue)).stream().map(q -> deadLetters.list(q, max)).toList();
    }

    @PostMapping("/{queue}/replay")
    public Map<String, Object> replay(@PathVariable String queue, HttpServletRequest request,
                                      Authentication authentication) throws IOException {
        Caller caller = operators.require(authentication);
        known(queue);
        JsonNode body = request.getContentLengthLong() > 0 ? RequestBodies.read(request, node.intake().maxBodySize())
                : null;
        String messageId = null;
        if (body != null && body.has("messageId")) {
            FieldChecks checks = new FieldChecks();
            messageId = messageId(checks, body);
            checks.done();
        }
        List<String> replayed = deadLetters.replay(queue, messageId);
        if (messageId != null && replayed.isEmpty()) {
            throw Operators.notParked("message " + messageId + " of " + queue);
        }
        replayed.forEach(id -> audit.recordNow(caller.clientId(), "DEAD_LETTER_REPLAYED", id, "to " + queue));
        return Map.of("queue", queue, "replayed", replayed);
    }

    @PostMapping("/{queue}/discard")
    public Map<String, Object> discard(@PathVariable String queue, HttpServletRequest request,
                                       Authentication authentication) throws IOException {
        Caller caller = operators.require(authentication);
        known(queue);
        JsonNode body = RequestBodies.read(request, node.intake().maxBodySize());
        FieldChecks checks = new FieldChecks();
        String messageId = messageId(checks, body);
        String reason = checks.text(body, "reason", 500);
        checks.done();
        if (!deadLetters.discard(queue, messageId)) {
            throw Operators.notParked("message " + messageId + " of " + queue);
        }
        audit.recordNow(caller.clientId(), "DEAD_LETTER_DISCARDED", messageId, "from " + queue + ": " + reason);
        return Map.of("queue", queue, "discarded", messageId, "reason", reason);
    }

    private static String messageId(FieldChecks checks, JsonNode body) {
        String messageId = checks.text(body, "messageId", 100);
        checks.expect(messageId == null || Operators.MESSAGE_ID.matcher(messageId).matches(), "$.messageId", "FORMAT",
                "消息标识只能包含字母、数字和 :._-", "a message id has letters, digits and :._- only");
        return messageId;
    }

    private void known(String queue) {
        if (!queues.contains(queue)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "QUEUE_UNKNOWN", "Unknown queue", "未知队列",
                    "this node operates " + queues.all() + ", not '" + queue + "'", "本节点没有队列 " + queue);
        }
    }
}
