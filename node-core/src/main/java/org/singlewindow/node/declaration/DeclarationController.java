package org.singlewindow.node.declaration;

import java.util.List;

import org.singlewindow.contracts.eport.ReceiptXml;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.status.SseHub;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/** Reading declarations, on every node: one, a page of them, or a live event stream. */
@RestController
@RequestMapping("/api/v1/declarations")
public class DeclarationController {

    /** Dates without a time are days in China Standard Time. */
    private static final int MAX_PAGE_SIZE = 100;

    private final DeclarationQueries queries;
    private final SseHub hub;
    private final NodeProperties node;

    public DeclarationController(DeclarationQueries queries, SseHub hub, NodeProperties node) {
        this.queries = queries;
        this.hub = hub;
        this.node = node;
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DeclarationView get(@PathVariable String id, Authentication authentication) {
        return queries.view(Caller.from(authentication), id);
    }

    /** Every receipt as E-Port style XML ({@code DEC_RESULT} per receipt), for software that reads receipts so. */
    @GetMapping(path = {"/{id}", "/{id}/receipts"}, produces = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public ResponseEntity<String> receiptsXml(@PathVariable String id, Authentication authentication) {
        DeclarationView view = queries.view(Caller.from(authentication), id);
        List<ReceiptXml.Row> rows = view.agencies().stream().flatMap(a -> a.receipts().stream()
                .map(r -> new ReceiptXml.Row(a.agency(), r.status(), r.code(), r.message(), r.occurredAt()))).toList();
        JsonNode data = view.document() == null ? null : view.document().path("data");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(ReceiptXml.write(
                new ReceiptXml.Declaration(view.id(), view.status(), text(data, "seqNo"), text(data, "entryId"),
                        text(data, "declarationCustoms"), text(data, "ieDate"), view.createdAt()), rows));
    }

    private static String text(JsonNode data, String field) {
        return data == null || !data.path(field).isString() ? null : data.path(field).asString();
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String id, Authentication authentication,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Caller caller = Caller.from(authentication);
        if (queries.agencyViewOnly(caller, queries.readable(caller, id))) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NOT_YOUR_EVENTS", "Forbidden", "无权访问",
                    "the event stream carries every agency's receipts; an agency officer reads the declaration itself",
                    "事件流包含所有部门的回执；部门人员请直接查看申报");
        }
        long after = 0;
        if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
            after = Long.parseLong(lastEventId);
        }
        return hub.open(id, after, caller.clientId());
    }

    /**
     * A page of the declarations the caller may see, newest first, selected by {@link SearchQuery} (type, status,
     * agency, from, to, reference, hsCode).
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public DeclarationView.Page list(Authentication authentication, SearchQuery query,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        DeclarationFilter filter = query.filter();
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw SearchQuery.bad("page/size", "page ≥ 0 and 1 ≤ size ≤ " + MAX_PAGE_SIZE,
                    "page ≥ 0 且 1 ≤ size ≤ " + MAX_PAGE_SIZE);
        }
        return queries.list(Caller.from(authentication), filter, page, size);
    }
}
