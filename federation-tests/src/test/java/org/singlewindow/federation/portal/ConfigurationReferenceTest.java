package org.singlewindow.federation.portal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md against the configuration metadata the modules generate (Spring Boot's configuration
 * processor, {@code META-INF/spring-configuration-metadata.json} of node-core, central-node, provincial-node and
 * international-gateway): every {@code sw.*} setting a node binds is in the reference, and the reference names no
 * setting that no node binds.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

    /** A table row's first cell: {@code `sw.a.b`} then {@code / `c`} siblings of its last segment. */
    private static final Pattern CELL = Pattern.compile("^\\| (`sw\\.[^|]+)\\|", Pattern.MULTILINE);
    private static final Pattern KEY = Pattern.compile("`([^`]+)`");

    @Test
    void every_setting_a_node_binds_should_be_in_the_reference_and_nothing_else() throws IOException {
        Map<String, Boolean> bound = bound();
        Set<String> documented = documented(Files.readString(REFERENCE));

        assertThat(bound).as("metadata read from the modules").containsKeys("sw.code", "sw.agencies",
                "sw.central.broker-url", "sw.as4.enabled");
        Set<String> missing = new TreeSet<>();
        bound.keySet().forEach(name -> {
            if (documented.stream().noneMatch(d -> d.equals(name) || d.startsWith(name + ".")
                    || d.startsWith(name + "[]"))) {
                missing.add(name);
            }
        });
        assertThat(missing).as("settings a node binds that docs/configuration.md does not describe").isEmpty();
        Set<String> unknown = new TreeSet<>();
        for (String name : documented) {
            boolean known = bound.containsKey(name) || bound.entrySet().stream().anyMatch(b -> b.getValue()
                    && (name.startsWith(b.getKey() + ".") || name.startsWith(b.getKey() + "[]")));
            if (!known) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("settings docs/configuration.md describes that no node binds").isEmpty();
    }

    /**
     * Every {@code sw.*} property of the metadata on the classpath, mapped to whether it is a map or a list (whose
     * entries the reference names with a placeholder: {@code sw.agencies.<CODE>.url}, {@code sw.identity.clients[]}).
     */
    private static Map<String, Boolean> bound() throws IOException {
        Map<String, Boolean> names = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationReferenceTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    String type = property.path("type").asString("");
                    if (name.startsWith("sw.")) {
                        names.merge(name, type.startsWith("java.util.Map") || type.startsWith("java.util.List"),
                                Boolean::logicalOr);
                    }
                }
            }
        }
        return names;
    }

    /** Every key the reference's tables name, siblings spelled out. */
    static Set<String> documented(String markdown) {
        Set<String> keys = new TreeSet<>();
        Matcher cell = CELL.matcher(markdown);
        while (cell.find()) {
            Matcher key = KEY.matcher(cell.group(1));
            String first = null;
            while (key.find()) {
                String k = key.group(1);
                if (first == null) {
                    first = k;
                    keys.add(k);
                } else {
                    keys.add(first.substring(0, first.lastIndexOf('.') + 1) + k);
                }
            }
        }
        return keys;
    }
}
