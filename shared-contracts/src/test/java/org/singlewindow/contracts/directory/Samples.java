package org.singlewindow.contracts.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample documents in {@code deploy/local/samples/} (the ones demo.sh submits), with their
 * {@code ${..._ID}} placeholders filled by a well-formed declaration id.
 */
final class Samples {

    static final Path DIR = Path.of("..", "deploy", "local", "samples");
    static final String SOME_ID = "3f2b8c1e-9d4a-4e2f-8b6c-1a2b3c4d5e6f";

    private Samples() {
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode load(String name) {
        try {
            String text = Files.readString(DIR.resolve(name + ".json")).replaceAll("\\$\\{[A-Z_]+_ID}", SOME_ID);
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
