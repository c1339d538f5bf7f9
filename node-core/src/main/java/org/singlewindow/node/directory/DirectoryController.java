package org.singlewindow.node.directory;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.singlewindow.contracts.directory.DataElement;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.directory.JsonSchemas;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/directory} and {@code GET /api/v1/schemas/{documentType}}, on every node. */
@RestController
@RequestMapping("/api/v1")
public class DirectoryController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final Directory directory = Directory.standard();
    private final JsonSchemas schemas = new JsonSchemas(directory);
    private final NodeProperties node;
    /** The directory never changes while the node runs: both answers are built once. */
    private final Map<String, Object> view;
    private final Map<DocumentType, ObjectNode> schemaByType = new EnumMap<>(DocumentType.class);

    public DirectoryController(NodeProperties node) {
        this.node = node;
        this.view = view();
        for (DocumentType type : DocumentType.values()) {
            schemaByType.put(type, schemas.schema(type, schemaBase()));
        }
    }

    @GetMapping(path = "/directory", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> directory() {
        return ResponseEntity.ok().cacheControl(CACHE).body(view);
    }

    private Map<String, Object> view() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("elements", directory.elements().values().stream().map(DirectoryController::element).toList());
        body.put("codeLists", directory.codeLists().values().stream().map(c -> Map.of("name", c.name(),
                "nameZh", c.nameZh(), "nameEn", c.nameEn(), "source", c.source(), "matchByPrefix", c.codes().prefix(),
                "codes", c.codes().labels())).toList());
        body.put("documentTypes", directory.documents().values().stream().map(this::document).toList());
        body.put("agencySubsets", directory.subsets());
        return Collections.unmodifiableMap(body);
    }

    @GetMapping(path = "/schemas/{documentType}", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<ObjectNode> schema(@PathVariable String documentType) {
        DocumentType type = DocumentType.parse(documentType)
                .orElseThrow(() -> Refusal.notFound("document type " + documentType));
        return ResponseEntity.ok().cacheControl(CACHE).body(schemaByType.get(type));
    }

    private String schemaBase() {
        return node.publicUrl().resolve("/api/v1/schemas").toString();
    }

    private Map<String, Object> document(DocumentDefinition d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documentType", d.type().name());
        out.put("nameZh", d.nameZh());
        out.put("nameEn", d.nameEn());
        out.put("description", d.description());
        out.put("schema", schemaBase() + "/" + d.type().name());
        out.put("fields", d.leafPaths().stream().map(path -> Map.of("path", path,
                "elementId", d.field(path).orElseThrow().elementId(),
                "required", d.field(path).orElseThrow().required())).toList());
        out.put("rules", d.rules().stream().map(Object::toString).toList());
        out.put("references", d.references());
        return out;
    }

    private static Map<String, Object> element(DataElement e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("nameZh", e.nameZh());
        out.put("nameEn", e.nameEn());
        out.put("type", e.type().name());
        out.put("format", e.format() == null ? null : e.format().toString());
        out.put("codeList", e.codeList());
        out.put("values", e.values().isEmpty() ? null : e.values());
        out.put("pattern", e.pattern() == null ? null : e.pattern().pattern());
        out.put("checkCharacter", e.check() == null ? null : e.check().name());
        out.put("minimum", e.minimum() == null ? null : e.minimum().name());
        out.put("description", e.description());
        out.put("wcoId", e.wcoId());
        out.put("untdedId", e.untdedId());
        out.put("source", e.source());
        out.values().removeIf(Objects::isNull);
        return out;
    }
}
