package org.singlewindow.contracts.change;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The change rules of every document type, as {@code change-rules.yaml} states them. */
public final class ChangeRules {

    private static final ChangeRules STANDARD = load("change-rules.yaml");

    private final Map<DocumentType, Rule> rules;

    private ChangeRules(Map<DocumentType, Rule> rules) {
        this.rules = rules;
    }

    /** The rules shipped with the directory. */
    public static ChangeRules standard() {
        return STANDARD;
    }

    public Rule of(DocumentType type) {
        return rules.get(type);
    }

    /**
     * The change rule of one document type.
     *
     * @param decidedBy   the agency whose answer alone decides when involved; null: every involved agency
     * @param amendClosed overall statuses that refuse an amendment (always with REJECTED and CANCELLED)
     * @param cancelClosed overall statuses that refuse a cancellation (always with every final status)
     * @param fixedFields dotted paths no amendment may change
     */
    public record Rule(String decidedBy, Set<OverallStatus> amendClosed, Set<OverallStatus> cancelClosed,
                       List<String> fixedFields) {

        /** Whether a request of this kind is closed in this status. */
        public boolean closed(ChangeKind kind, OverallStatus status) {
            return (kind == ChangeKind.AMENDMENT ? amendClosed : cancelClosed).contains(status);
        }

        /**
         * The outcome the answers so far allow: APPROVED or REFUSED once decided, PENDING while not. With the
         * deciding agency involved, its answer is the outcome; otherwise the first refusal refuses and all
         * approvals approve. No agency involved: approved.
         */
        public Decision decide(Map<String, Decision> answers) {
            if (decidedBy != null && answers.containsKey(decidedBy)) {
                return answers.get(decidedBy);
            }
            Collection<Decision> all = answers.values();
            if (all.contains(Decision.REFUSED)) {
                return Decision.REFUSED;
            }
            return all.contains(Decision.PENDING) ? Decision.PENDING : Decision.APPROVED;
        }
    }

    @SuppressWarnings("unchecked")
    static ChangeRules load(String resource) {
        Map<String, Object> raw;
        try (InputStream in = ChangeRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("change rules missing from classpath: " + resource);
            }
            raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> defaults = (Map<String, Object>) raw.get("default");
        Map<String, Object> types = (Map<String, Object>) raw.getOrDefault("types", Map.of());
        for (String type : types.keySet()) {
            DocumentType.valueOf(type); // an unknown type is an error in the catalog
        }
        Map<DocumentType, Rule> rules = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            Map<String, Object> own = (Map<String, Object>) types.getOrDefault(type.name(), Map.of());
            rules.put(type, new Rule((String) pick(own, defaults, "decidedBy"),
                    statuses(pick(own, defaults, "amendClosedWhen"), OverallStatus.REJECTED, OverallStatus.CANCELLED),
                    statuses(pick(own, defaults, "cancelClosedWhen"), OverallStatus.COMPLETED, OverallStatus.REJECTED,
                            OverallStatus.CANCELLED),
                    List.copyOf((List<String>) pick(own, defaults, "fixedFields"))));
        }
        return new ChangeRules(rules);
    }

    private static Object pick(Map<String, Object> own, Map<String, Object> defaults, String key) {
        return own.containsKey(key) ? own.get(key) : defaults.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Set<OverallStatus> statuses(Object listed, OverallStatus... always) {
        Set<OverallStatus> set = EnumSet.of(always[0], always);
        if (listed != null) {
            ((List<String>) listed).forEach(s -> set.add(OverallStatus.valueOf(s)));
        }
        return Set.copyOf(set);
    }
}
