package org.singlewindow.node.operations;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.transport.LinkHealth;
import org.singlewindow.node.web.RequestRefusals;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/ops/links}, for the node's operators: each link up or down (since when, the last failure's
 * reason, failed attempts in a row) and the backlog of each queue it looks after (messages, in delivery, consumers,
 * age of the oldest); {@code GET /api/v1/ops/counters}: the node's work since it started ({@link WorkCounters}).
 * Dead letters: {@link DeadLetterController}; parked outbox rows: {@link ParkedOutboxController}.
 */
@RestController
@RequestMapping(path = "/api/v1/ops", produces = MediaType.APPLICATION_JSON_VALUE)
public class OperationsController {

    private final NodeProperties node;
    private final Operators operators;
    private final OperatedQueues queues;
    private final QueueStats stats;
    private final LinkHealth links;
    private final WorkCounters work;
    private final MeterRegistry meters;

    public OperationsController(NodeProperties node, Operators operators, OperatedQueues queues, QueueStats stats,
                                LinkHealth links, WorkCounters work, MeterRegistry meters) {
        this.work = work;
        this.meters = meters;
        this.node = node;
        this.operators = operators;
        this.queues = queues;
        this.stats = stats;
        this.links = links;
    }

    /** The node's links and backlogs. */
    public record Health(String node, List<LinkHealth.State> links, List<QueueStats.Backlog> queues) {
    }

    @GetMapping("/links")
    public Health links(Authentication authentication) {
        operators.require(authentication);
        return new Health(node.code(), links.states(), queues.all().stream().map(stats::of).toList());
    }

    /**
     * What this node refused since it started, by reason: envelopes from other nodes (unsigned, wrong node,
     * replayed…; {@code sw.envelopes.refused}) and requests to its API (by problem code: invalid fields, signatures,
     * references, access…; {@code sw.requests.refused}).
     */
    public record Refusals(Map<String, Long> envelopes, Map<String, Long> requests) {
    }

    @GetMapping("/refusals")
    public Refusals refusals(Authentication authentication) {
        operators.require(authentication);
        return new Refusals(counts("sw.envelopes.refused", "reason"), counts(RequestRefusals.METER, "code"));
    }

    private Map<String, Long> counts(String meter, String tag) {
        Map<String, Long> byReason = new TreeMap<>();
        meters.find(meter).counters().forEach(counter -> byReason.merge(counter.getId().getTag(tag),
                (long) counter.count(), Long::sum));
        return byReason;
    }

    /** Database transactions committed and messages added to the node's broker since it started. */
    @GetMapping("/counters")
    public WorkCounters.Counts counters(Authentication authentication) {
        operators.require(authentication);
        return work.now();
    }
}
