package org.singlewindow.contracts.eport;

import java.util.List;
import java.util.Optional;

/**
 * An element of a parsed XML document: local name, text (a leaf's exactly as written; empty for an element with children) and child elements (attributes and namespaces
 * are not kept; the E-Port formats do not carry data in them).
 */
public record XmlElement(String name, String text, List<XmlElement> children) {

    public XmlElement {
        children = List.copyOf(children);
    }

    /** The first child with this name. */
    public Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst();
    }

    public List<XmlElement> all(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).toList();
    }
}
