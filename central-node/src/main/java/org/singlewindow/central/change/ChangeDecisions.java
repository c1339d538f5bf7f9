package org.singlewindow.central.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.singlewindow.central.agency.AgencyChangeAnswers;
import org.singlewindow.central.agency.AgencyDecision;
import org.singlewindow.central.agency.AgencyRequests;
import org.singlewindow.contracts.change.ChangeKind;
import org.singlewindow.contracts.change.ChangeRules;
import org.singlewindow.contracts.change.ChangeState;
import org.singlewindow.contracts.change.Decision;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.ChangeResult;
import org.singlewindow.node.change.AnswerRow;
import org.singlewindow.node.change.ChangeRow;
import org.singlewindow.node.change.ChangeStore;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.node.status.AgencyRow;
import org.singlewindow.node.status.RoutingDecision;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Central: decides a change from the involved agencies' answers, in one transaction with the declaration locked.
 * <p>The rule, in order: (1) the type's rule turns the answers so far into APPROVED, REFUSED or not yet ({@link
 * ChangeRules.Rule#decide}: customs alone for a goods declaration, else all must approve); (2) an approval the
 * document's status no longer allows (e.g. a cancellation when a final receipt completed the document first) is
 * REFUSED instead, so the document keeps its one final outcome; (3) the first final state stays, and answers that
 * come after it are recorded and change nothing. Every step goes to the origin province.
 */
@Service
public class ChangeDecisions implements AgencyChangeAnswers {

    private static final Logger log = LoggerFactory.getLogger(ChangeDecisions.class);

    private final ChangeStore store;
    private final DeclarationMapper declarations;
    private final StatusMapper agencies;
    private final StatusService status;
    private final RoutingService routing;
    private final AgencyRequests requests;
    private final Outbox outbox;
    private final EnvelopeCodec codec;

    public ChangeDecisions(ChangeStore store, DeclarationMapper declarations, StatusMapper agencies,
                           StatusService status, RoutingService routing, AgencyRequests requests, Outbox outbox,
                           EnvelopeCodec codec) {
        this.store = store;
        this.declarations = declarations;
        this.agencies = agencies;
        this.status = status;
        this.routing = routing;
        this.requests = requests;
        this.outbox = outbox;
        this.codec = codec;
    }

    @Override
    @Transactional
    public void answered(String declarationId, String changeId, String agency, AgencyDecision decision) {
        store.lock(declarationId);
        ChangeRow change = store.find(changeId);
        if (change == null || !store.answered(change, agency, decision.decision(), decision.code(),
                decision.message())) {
            return;
        }
        decide(declarations.findById(declarationId), store.find(changeId));
    }

    /** Decides an open change by the answers so far (the declaration locked by the caller) and reports it. */
    void decide(DeclarationRow row, ChangeRow change) {
        if (ChangeState.valueOf(change.state()).isFinal()) {
            report(row, change);
            return;
        }
        DocumentType type = DocumentType.valueOf(row.documentType());
        ChangeRules.Rule rule = ChangeRules.standard().of(type);
        Map<String, Decision> answers = new LinkedHashMap<>();
        store.answers(change.id()).forEach(a -> answers.put(a.agency(), Decision.valueOf(a.decision())));
        Decision outcome = rule.decide(answers);
        if (outcome == Decision.PENDING) {
            report(row, change);
            return;
        }
        ChangeKind kind = ChangeKind.valueOf(change.kind());
        OverallStatus now = OverallStatus.valueOf(row.status());
        String detail;
        if (outcome == Decision.APPROVED && rule.closed(kind, now)) {
            outcome = Decision.REFUSED;
            detail = "the document became " + now + " first (单证已先成为 " + now + ")";
        } else {
            detail = detail(rule, answers, outcome);
        }
        store.settle(change, outcome == Decision.APPROVED ? ChangeState.APPROVED : ChangeState.REFUSED, detail);
        if (outcome == Decision.APPROVED && kind == ChangeKind.AMENDMENT) {
            routeNewlyMatching(declarations.findById(row.id()));
        }
        log.info("{} {} of declaration {}: {}", kind, change.id(), row.id(), outcome);
        report(row, store.find(change.id()));
    }

    /** Tells the origin province where the change stands, with every answer so far. */
    void report(DeclarationRow row, ChangeRow change) {
        List<ChangeResult.Answer> answers = store.answers(change.id()).stream()
                .map(ChangeDecisions::answer).toList();
        outbox.send(Destination.province(row.originProvince()), MessageType.CHANGE_RESULT,
                new Outbox.About(row.id(), DocumentType.valueOf(row.documentType()), row.originProvince()),
                new ChangeResult(change.id(), ChangeState.valueOf(change.state()), change.detail(), answers,
                        change.decidedAt() != null ? change.decidedAt() : change.requestedAt()));
    }

    /** An approved version goes, as a new request, to each agency only its rules now select. */
    private void routeNewlyMatching(DeclarationRow row) {
        Set<String> routed = agencies.agencies(row.id()).stream().map(AgencyRow::agency).collect(Collectors.toSet());
        DocumentType type = DocumentType.valueOf(row.documentType());
        JsonNode document = codec.readTree(row.document());
        for (RuleMatch route : routing.matches(type, document)) {
            String agency = route.destination().code();
            if (routed.add(agency)) {
                status.routed(row.id(), agency, RoutingDecision.of(route));
                if (!route.followUp()) {
                    requests.send(row.id(), type, row.originProvince(), document, route, List.of(),
                            store.currentSignature(row.id()), row.submittedBy());
                }
            }
        }
    }

    private static String detail(ChangeRules.Rule rule, Map<String, Decision> answers, Decision outcome) {
        if (answers.isEmpty()) {
            return "no agency had to be asked (无须征询任何部门)";
        }
        String by = rule.decidedBy() != null && answers.containsKey(rule.decidedBy()) ? rule.decidedBy()
                : String.join(", ", answers.entrySet().stream().filter(e -> e.getValue() == outcome)
                .map(Map.Entry::getKey).toList());
        return (outcome == Decision.APPROVED ? "approved by " + by + " (" + by + " 同意)"
                : "refused by " + by + " (" + by + " 不同意)");
    }

    private static ChangeResult.Answer answer(AnswerRow row) {
        return new ChangeResult.Answer(row.agency(), Decision.valueOf(row.decision()), row.code(), row.message());
    }
}
