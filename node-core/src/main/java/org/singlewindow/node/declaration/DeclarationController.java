package org.singlewindow.node.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.eport.ReceiptXml;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.status.SseHub;
import org.singlewindow.node.web.ApiException;
import org.springframework.http.HttpStatus;
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

/** Reading declarations, on every node: one, a page of them, or a live event stream. */
@RestController
@RequestMapping("/api/v1/declarations")
public class DeclarationController {

    /** Dates without a time are days in China Standard Time. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
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
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(ReceiptXml.write(view.id(), view.status(), rows));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String id, Authentication authentication,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Caller caller = Caller.from(authentication);
        if (queries.agencyViewOnly(caller, queries.readable(caller, id))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_YOUR_EVENTS", "Forbidden", "无权访问",
                    "the event stream carries every agency's receipts; an agency officer reads the declaration itself",
                    "事件流包含所有部门的回执；部门人员请直接查看申报");
        }
        long after = 0;
        if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
            after = Long.parseLong(lastEventId);
        }
        return hub.open(id, after, caller.clientId());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public DeclarationView.Page list(Authentication authentication,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        if (status != null) {
            try {
                OverallStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw badParameter("status", "one of RECEIVED, FORWARDED, PROCESSING, COMPLETED, REJECTED",
                        "RECEIVED、FORWARDED、PROCESSING、COMPLETED、REJECTED 之一");
            }
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw badParameter("page/size", "page ≥ 0 and 1 ≤ size ≤ " + MAX_PAGE_SIZE,
                    "page ≥ 0 且 1 ≤ size ≤ " + MAX_PAGE_SIZE);
        }
        return queries.list(Caller.from(authentication), status, instant("from", from, false),
                instant("to", to, true), page, size);
    }

    /** Parses an ISO-8601 instant, or a date (start of that day; for {@code to}, start of the next day). */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badParameter(name, "an ISO-8601 date (2026-11-27) or instant (2026-11-27T08:00:00Z)",
                    "ISO-8601 日期（2026-11-27）或时间（2026-11-27T08:00:00Z）");
        }
    }

    private static ApiException badParameter(String name, String en, String zh) {
        return new ApiException(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "Bad parameter", "参数错误",
                "parameter '" + name + "' must be " + en, "参数 " + name + " 应为" + zh);
    }
}
