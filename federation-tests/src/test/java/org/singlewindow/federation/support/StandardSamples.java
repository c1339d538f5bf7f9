package org.singlewindow.federation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** The demo's sample documents ({@code deploy/local/samples/}) made unique for a test run. */
public final class StandardSamples {

    public static final Path DIR = Path.of("..", "deploy", "local", "samples");

    private StandardSamples() {
    }

    /** A sample with a fresh client reference and its {@code ${NAME}} placeholders replaced. */
    public static ObjectNode load(String name, Map<String, String> placeholders) {
        try {
            String text = Files.readString(DIR.resolve(name + ".json"));
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                text = text.replace("${" + p.getKey() + "}", p.getValue());
            }
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(text);
            document.put("clientReference", "T-" + UUID.randomUUID().toString().substring(0, 18));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode load(String name) {
        return load(name, Map.of());
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
