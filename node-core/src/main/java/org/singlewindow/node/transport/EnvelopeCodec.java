package org.singlewindow.node.transport;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.json.Json;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Envelope ⇄ JSON, and payload ⇄ record. */
@Component
public class EnvelopeCodec {

    /** JSON text of an envelope, a payload or a document. */
    public String write(Object value) {
        return Json.MAPPER.writeValueAsString(value);
    }

    public Envelope read(String json) {
        return Json.MAPPER.readValue(json, Envelope.class);
    }

    public JsonNode readTree(String json) {
        return Json.MAPPER.readTree(json);
    }

    public JsonNode tree(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    public <T> T payload(Envelope envelope, Class<T> type) {
        return Json.MAPPER.treeToValue(envelope.payload(), type);
    }
}
