package org.singlewindow.provincial.draft;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * A draft as its users see it: the document as saved, and what would stop it from being submitted now, field by
 * field (the directory's checks, as a submission runs them; empty when it is complete and valid).
 *
 * @param revision the revision to name ({@code If-Match}) when saving over it
 * @param document the document; left out of lists
 */
public record DraftView(String id, String documentType, String owner, String createdBy, Instant createdAt,
                        Instant updatedAt, int revision, JsonNode document, int problemCount,
                        List<Violation> problems) {

    private static final Directory DIRECTORY = Directory.standard();

    /** A draft with its problems now; in a list, without the document and the problems themselves. */
    static DraftView of(DraftRow row, boolean withDocument) {
        JsonNode document = Json.MAPPER.readTree(row.document());
        List<Violation> problems = DIRECTORY.validator().validate(document, Set.of());
        return new DraftView(row.id(), row.documentType(), row.owner(), row.createdBy(), row.createdAt(),
                row.updatedAt(), row.revision(), withDocument ? document : null, problems.size(),
                withDocument ? problems : null);
    }
}
