package org.singlewindow.contracts.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.singlewindow.contracts.document.DocumentType;

/**
 * One document type as the directory defines it: its fields (each bound to a data element), its cross-field
 * rules and its references to earlier documents.
 *
 * @param fields    the root fields: {@code documentType}, {@code clientReference}, {@code declarant} and {@code data}
 * @param notCopied the fields a template leaves out (paths as {@link #field} takes them): what belongs to one
 *                  document alone, its client reference first
 */
public record DocumentDefinition(DocumentType type, String nameZh, String nameEn, String description,
                                 List<Field> fields, List<CrossFieldRule> rules, List<Reference> references,
                                 List<String> notCopied) {

    public DocumentDefinition {
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
        references = List.copyOf(references);
        notCopied = List.copyOf(notCopied);
    }

    /**
     * The field a dotted path ({@code data.items[].hsCode}) names, if any. A repeated group is stepped into with
     * {@code []}; as the last segment it may also be named without, meaning the whole array.
     */
    public Optional<Field> field(String path) {
        List<Field> level = fields;
        Field found = null;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean each = segment.endsWith("[]");
            String name = each ? segment.substring(0, segment.length() - 2) : segment;
            found = level.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            boolean last = i == segments.length - 1;
            if (found == null || (each && !(found instanceof Field.Repeat))
                    || (!each && found instanceof Field.Repeat && !last)) {
                return Optional.empty();
            }
            level = found.children();
        }
        return Optional.ofNullable(found);
    }

    /** Dotted paths of every leaf, e.g. {@code data.items[].hsCode}. */
    public List<String> leafPaths() {
        List<String> out = new ArrayList<>();
        collect(fields, "", out);
        return out;
    }

    private static void collect(List<Field> level, String prefix, List<String> out) {
        for (Field f : level) {
            if (f instanceof Field.Leaf) {
                out.add(prefix + f.name());
            } else {
                collect(f.children(), prefix + f.name() + (f instanceof Field.Repeat ? "[]." : "."), out);
            }
        }
    }
}
