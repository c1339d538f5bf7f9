package org.singlewindow.node.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.singlewindow.node.declaration.DeclarationFilter;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationQueries;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.declaration.SearchQuery;
import org.singlewindow.node.identity.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/statistics}: the figures of the declarations a search selects ({@link Statistics}), and
 * {@code GET /api/v1/declarations/export}: the same search as CSV (metadata, never documents). Both take the
 * declaration list's parameters ({@link SearchQuery}) and see what the caller may see
 * ({@link DeclarationQueries#visible}).
 */
@RestController
public class StatisticsController {

    /** Rows read for one report at most (one per declaration and agency). */
    static final int MAX_ROWS = 200_000;
    /** Declarations in one export at most. */
    static final int MAX_EXPORT = 10_000;

    private final StatisticsMapper statistics;
    private final DeclarationMapper declarations;
    private final DeclarationQueries queries;

    public StatisticsController(StatisticsMapper statistics, DeclarationMapper declarations,
                                DeclarationQueries queries) {
        this.statistics = statistics;
        this.declarations = declarations;
        this.queries = queries;
    }

    @GetMapping(path = "/api/v1/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    public Statistics.Report statistics(Authentication authentication, SearchQuery query) {
        DeclarationFilter filter = query.filter();
        List<StatisticsRow> rows = queries.visible(Caller.from(authentication), filter)
                .map(f -> statistics.rows(f, MAX_ROWS + 1)).orElse(List.of());
        boolean truncated = rows.size() > MAX_ROWS;
        return Statistics.of(truncated ? rows.subList(0, MAX_ROWS) : rows, truncated);
    }

    @GetMapping(path = "/api/v1/declarations/export", produces = "text/csv")
    public ResponseEntity<byte[]> export(Authentication authentication, SearchQuery query) {
        DeclarationFilter filter = query.filter();
        List<DeclarationRow> rows = queries.visible(Caller.from(authentication), filter)
                .map(f -> declarations.search(f, MAX_EXPORT, 0)).orElse(List.of());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("declarations.csv").build().toString())
                .body(Csv.declarations(rows).getBytes(StandardCharsets.UTF_8));
    }
}
