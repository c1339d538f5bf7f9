package org.singlewindow.routing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.JsonPaths;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates a rule file. The format:
 * <pre>
 * rules:
 *   - id: licences-to-mofcom                 # unique
 *     documentTypes: [GOODS_DECLARATION]
 *     when: {present: data.items[].licences[]}   # or {equals: {path: value}}, {otherProvince: path}; absent = always
 *     to: agency:MOFCOM                      # central | agency:CODE | peer:CODE | peer:{province}
 *     grant: [clientReference, data.items[].hsCode]   # or ['*']; for an agency, absent = its directory subset
 *     after: {agency: BANK, status: VERIFIED}  # optional, agency rules only: a follow-up sent after that receipt
 * </pre>
 * Every problem is reported at once in one {@link RuleSetException}, so a broken file stops the node with a
 * message that says exactly what to fix.
 */
public final class RuleSetLoader {

    private RuleSetLoader() {
    }

    public static RuleSet load(InputStream in, String source) {
        if (in == null) {
            throw new RuleSetException(source + ": rule file not found");
        }
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (YAMLException e) {
            throw new RuleSetException(source + ": not valid YAML: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> top) || !(top.get("rules") instanceof List<?> list) || list.isEmpty()) {
            throw new RuleSetException(source + ": expected a non-empty list 'rules'");
        }
        List<String> problems = new ArrayList<>();
        List<RoutingRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "rules[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                problems.add(where + ": must be a map");
                continue;
            }
            RoutingRule rule = rule(raw, where, problems);
            if (rule != null && !ids.add(rule.id())) {
                problems.add(where + " (" + rule.id() + "): duplicate id");
            }
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(source + ": " + String.join("; ", problems));
        }
        return new RuleSet(source, rules);
    }

    private static RoutingRule rule(Map<?, ?> raw, String where, List<String> problems) {
        int before = problems.size();
        for (Object key : raw.keySet()) {
            if (!Set.of("id", "description", "documentTypes", "when", "to", "grant", "after").contains(String.valueOf(key))) {
                problems.add(where + ": unknown key '" + key + "'");
            }
        }
        Object id = raw.get("id");
        if (!(id instanceof String) || ((String) id).isBlank()) {
            problems.add(where + ": 'id' is required");
        } else {
            where = where + " (" + id + ")";
        }
        Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
        if (!(raw.get("documentTypes") instanceof List<?> typeList) || typeList.isEmpty()) {
            problems.add(where + ": 'documentTypes' must be a non-empty list");
        } else {
            for (Object t : typeList) {
                try {
                    types.add(DocumentType.valueOf(String.valueOf(t)));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": unknown document type '" + t + "'");
                }
            }
        }
        Condition condition = condition(raw.get("when"), where, problems);
        String to = raw.get("to") == null ? null : String.valueOf(raw.get("to"));
        try {
            Destination.parse(to == null ? null : to.replace(RoutingRule.PROVINCE_PLACEHOLDER, "000000"));
            if (to.contains(RoutingRule.PROVINCE_PLACEHOLDER) && !(condition instanceof Condition.OtherProvince)) {
                problems.add(where + ": '" + RoutingRule.PROVINCE_PLACEHOLDER + "' needs an otherProvince condition");
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": 'to': " + e.getMessage());
        }
        List<String> grant = new ArrayList<>();
        boolean toAgency = to != null && to.startsWith("agency:");
        if (raw.get("grant") == null && toAgency) {
            // no grant: the agency's data subset from the data element directory applies
        } else if (!(raw.get("grant") instanceof List<?> grants) || grants.isEmpty()) {
            problems.add(where + ": 'grant' must list the fields the destination receives (or '*')");
        } else {
            for (Object g : grants) {
                String problem = JsonPaths.problem(String.valueOf(g));
                if (problem != null) {
                    problems.add(where + ": grant: " + problem);
                }
                grant.add(String.valueOf(g));
            }
        }
        RoutingRule.After after = after(raw.get("after"), toAgency, where, problems);
        return problems.size() > before ? null : new RoutingRule((String) id, types, condition, to, grant, after);
    }

    private static RoutingRule.After after(Object raw, boolean toAgency, String where, List<String> problems) {
        if (raw == null) {
            return null;
        }
        if (!toAgency || !(raw instanceof Map<?, ?> map) || !(map.get("agency") instanceof String agency)
                || !(map.get("status") instanceof String status) || map.size() != 2) {
            problems.add(where + ": 'after' must be {agency: <CODE>, status: <final status>} on a rule to an agency");
            return null;
        }
        try {
            AgencyCode.valueOf(agency);
            if (!AgencyStatus.valueOf(status).isFinal()) {
                problems.add(where + ": after.status must be a final status, not " + status);
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": after: unknown agency or status in " + map);
        }
        return new RoutingRule.After(agency, status);
    }

    private static Condition condition(Object when, String where, List<String> problems) {
        if (when == null) {
            return new Condition.Always();
        }
        if (!(when instanceof Map<?, ?> map) || map.size() != 1) {
            problems.add(where + ": 'when' must be a map with exactly one of present, equals, otherProvince");
            return null;
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String kind = String.valueOf(entry.getKey());
        switch (kind) {
            case "present", "otherProvince" -> {
                String path = String.valueOf(entry.getValue());
                String problem = JsonPaths.problem(path);
                if (problem != null) {
                    problems.add(where + ": when." + kind + ": " + problem);
                    return null;
                }
                return kind.equals("present") ? new Condition.Present(path) : new Condition.OtherProvince(path);
            }
            case "equals" -> {
                if (!(entry.getValue() instanceof Map<?, ?> eq) || eq.size() != 1) {
                    problems.add(where + ": when.equals must be a map {path: value}");
                    return null;
                }
                Map.Entry<?, ?> e = eq.entrySet().iterator().next();
                String problem = JsonPaths.problem(String.valueOf(e.getKey()));
                if (problem != null) {
                    problems.add(where + ": when.equals: " + problem);
                    return null;
                }
                return new Condition.Equals(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
            default -> {
                problems.add(where + ": unknown condition '" + kind + "' (use present, equals or otherProvince)");
                return null;
            }
        }
    }
}
