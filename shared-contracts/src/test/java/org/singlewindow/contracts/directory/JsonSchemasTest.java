package org.singlewindow.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published schemas, checked by an independent validator (networknt): they accept every valid sample and
 * reject every broken copy with a fault a schema can express (structure, formats, lengths, codes, bounds); a copy
 * whose only faults are check characters or cross-field rules passes the schema (they are listed in its
 * $comment) and is refused by the node.
 */
class JsonSchemasTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final JsonSchemas schemas = new JsonSchemas(Directory.standard());

    static List<String> samples() {
        return Samples.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void the_schema_should_accept_every_valid_sample(String name) {
        ObjectNode sample = Samples.load(name);
        assertThat(errors(sample)).isEmpty();
    }

    /** Faults a JSON Schema can express; the others (check characters, cross-field rules) only the node sees. */
    private static final Set<String> EXPRESSIBLE = Set.of("FORMAT", "CODE_UNKNOWN", "RANGE", "UNKNOWN_FIELD",
            "MIN_ITEMS", "MAX_ITEMS", "TYPE", "TOO_LONG", "PRECISION");

    static Stream<Arguments> invalid() {
        return StandardDocumentsTest.invalid();
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void the_schema_should_reject_every_fault_it_can_express_and_leave_the_rest_to_the_node(String sample,
                                                                                             String patch,
                                                                                             List<String> expected) {
        DocumentType type = DocumentType.valueOf(Samples.load(sample).get("documentType").asString());
        ObjectNode document = Samples.load(sample);
        StandardDocumentsTest.merge(document, Json.MAPPER.readTree(patch));
        boolean expressible = expected.stream().anyMatch(v -> expressible(type, v));
        if (expressible) {
            assertThat(errors(document, type)).as(expected.toString()).isNotEmpty();
        } else {
            assertThat(errors(document, type)).as("only the node can see " + expected).isEmpty();
        }
    }

    /** "path CODE elementId": a fault of a kind a schema expresses, or a missing field that is always required. */
    private static boolean expressible(DocumentType type, String violation) {
        String[] parts = violation.split(" ");
        if (parts[1].equals("REQUIRED")) {
            String dotted = parts[0].replaceFirst("^\\$\\.", "").replaceAll("\\[\\d+]", "[]");
            return Directory.standard().document(type).field(dotted).map(Field::required).orElse(false);
        }
        return EXPRESSIBLE.contains(parts[1]);
    }

    private List<Error> errors(ObjectNode document) {
        return errors(document, DocumentType.valueOf(document.get("documentType").asString()));
    }

    private List<Error> errors(ObjectNode document, DocumentType type) {
        Schema schema = REGISTRY.getSchema(Json.MAPPER.writeValueAsString(
                schemas.schema(type, "https://singlewindow.example/api/v1/schemas")));
        return schema.validate(Json.MAPPER.writeValueAsString(document), com.networknt.schema.InputFormat.JSON);
    }
}
