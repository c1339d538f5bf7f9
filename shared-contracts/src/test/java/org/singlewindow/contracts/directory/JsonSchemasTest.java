package org.singlewindow.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * reject the broken copies whose fault a schema can express (structure, formats, lengths, codes, bounds). Faults
 * only the node can see (check characters, cross-field rules, references) are listed in the schema's $comment.
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

    static Stream<Arguments> structurallyInvalid() {
        return StandardDocumentsTest.invalid()
                .filter(a -> ((List<?>) a.get()[2]).stream().map(String::valueOf).allMatch(v -> v.contains(" REQUIRED ")
                        && !v.contains("summaryDeclarationId") && !v.contains("imoNumber") && !v.contains("grossTonnage")
                        && !v.contains("registration") && !v.contains("registeredCapital") && !v.contains("originCriterion")
                        || v.matches(".* (FORMAT|CODE_UNKNOWN|RANGE|UNKNOWN_FIELD|MIN_ITEMS|TYPE|TOO_LONG) .*")));
    }

    @ParameterizedTest
    @MethodSource("structurallyInvalid")
    void the_schema_should_reject_broken_samples_it_can_express(String sample, String patch, List<String> expected) {
        ObjectNode document = Samples.load(sample);
        StandardDocumentsTest.merge(document, Json.MAPPER.readTree(patch));
        String type = document.get("documentType").asString();
        DocumentType schemaType = DocumentType.parse(type).orElse(DocumentType.parse(Samples.load(sample)
                .get("documentType").asString()).orElseThrow());
        assertThat(errors(document, schemaType)).as(expected.toString()).isNotEmpty();
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
