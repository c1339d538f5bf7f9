package org.singlewindow.international;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The P-Modes, read once from YAML and matched without side effects.
 * <p>Matching order: a user message coming in is matched on its {@code Service} and {@code Action} and then its
 * {@code AgreementRef}; all three must equal one IN P-Mode, else it is refused ({@code EBMS:0010}). A document going
 * out takes the first OUT P-Mode of its kind whose {@code certificateTypes} name its certificate type (or that names
 * none); none means it does not travel.
 */
public final class PModes {

    private final List<PMode> all;

    PModes(List<PMode> all) {
        Set<String> ids = new HashSet<>();
        for (PMode p : all) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("P-Mode " + p.id() + " is defined twice");
            }
        }
        this.all = List.copyOf(all);
    }

    /** Reads {@code pmodes: [...]} (the format {@code as4/pmodes.yaml} documents). */
    @SuppressWarnings("unchecked")
    public static PModes read(InputStream yaml) {
        try (yaml) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            List<PMode> modes = new ArrayList<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) root.get("pmodes")) {
                modes.add(new PMode(text(m, "id"), PMode.Direction.valueOf(text(m, "direction")),
                        PartnerDocument.valueOf(text(m, "document")),
                        List.copyOf((List<String>) m.getOrDefault("certificateTypes", List.of())),
                        text(m, "agreement"), text(m, "service"), text(m, "serviceType"), text(m, "action")));
            }
            return new PModes(modes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("P-Mode " + m.get("id") + " has no " + key);
        }
        return v.toString();
    }

    /** The IN P-Mode of a user message's collaboration info. */
    public Optional<PMode> inbound(String service, String action, String agreement) {
        return all.stream().filter(p -> p.direction() == PMode.Direction.IN && p.service().equals(service)
                && p.action().equals(action) && p.agreement().equals(agreement)).findFirst();
    }

    /** The OUT P-Mode for a document ({@code certificateType} null for documents without one). */
    public Optional<PMode> outbound(PartnerDocument document, String certificateType) {
        return all.stream().filter(p -> p.direction() == PMode.Direction.OUT && p.document() == document)
                .filter(p -> p.certificateTypes().isEmpty() || p.certificateTypes().contains(certificateType))
                .findFirst();
    }

    /** A P-Mode by id. */
    public Optional<PMode> byId(String id) {
        return all.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
