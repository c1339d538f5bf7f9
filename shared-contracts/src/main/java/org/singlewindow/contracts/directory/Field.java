package org.singlewindow.contracts.directory;

import java.util.List;

/** One field of a document definition: a JSON property bound to a directory element. */
public sealed interface Field {

    /** The JSON property name. */
    String name();

    /** The directory element it carries. */
    String elementId();

    boolean required();

    /** The fields inside a group or repeated group; empty for a leaf. */
    default List<Field> children() {
        return List.of();
    }

    /** The same field under another JSON name. */
    Field named(String newName);

    /** A single value. */
    record Leaf(String name, String elementId, boolean required) implements Field {
        @Override
        public Field named(String newName) {
            return new Leaf(newName, elementId, required);
        }
    }

    /** A JSON object of further fields. */
    record Group(String name, String elementId, boolean required, List<Field> fields) implements Field {
        public Group {
            fields = List.copyOf(fields);
        }

        @Override
        public List<Field> children() {
            return fields;
        }

        @Override
        public Field named(String newName) {
            return new Group(newName, elementId, required, fields);
        }
    }

    /**
     * A JSON array of objects.
     *
     * @param sequence name of a field in each object that must count 1, 2, 3 … in order, or {@code null}
     */
    record Repeat(String name, String elementId, boolean required, int min, int max, String sequence,
                  List<Field> fields) implements Field {
        public Repeat {
            fields = List.copyOf(fields);
        }

        @Override
        public List<Field> children() {
            return fields;
        }

        @Override
        public Field named(String newName) {
            return new Repeat(newName, elementId, required, min, max, sequence, fields);
        }
    }
}
