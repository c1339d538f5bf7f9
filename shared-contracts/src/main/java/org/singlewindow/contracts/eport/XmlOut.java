package org.singlewindow.contracts.eport;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the small E-Port XML documents: one root in a default namespace, elements with text. */
final class XmlOut {

    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

    /** What goes inside the root element. */
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private XmlOut() {
    }

    static String document(String root, String namespace, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            w.writeDefaultNamespace(namespace);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Writes an element; an absent or empty value writes nothing (the directory treats both as absent). */
    static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null && !value.isEmpty()) {
            w.writeStartElement(name);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }
}
