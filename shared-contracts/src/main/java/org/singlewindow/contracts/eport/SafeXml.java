package org.singlewindow.contracts.eport;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML defensively, with StAX: any DOCTYPE or entity reference is refused (no external entities, no
 * billion laughs), and depth, element count and text length are bounded. Whatever it refuses, it refuses before
 * anything is stored.
 */
public final class SafeXml {

    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 12;
    /** Most elements in one document. */
    public static final int MAX_ELEMENTS = 20_000;
    /** Longest text of one element. */
    public static final int MAX_TEXT = 8_192;

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not resolved");
        });
        return f;
    }

    public static XmlElement parse(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<Building> open = new ArrayDeque<>();
            XmlElement root = null;
            int elements = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw unsafe("DOCTYPE declarations are not accepted", "不接受 DOCTYPE 声明");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw unsafe("entity references are not accepted",
                            "不接受实体引用");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw tooLarge("more than " + MAX_ELEMENTS + " elements", "元素超过 " + MAX_ELEMENTS + " 个");
                        }
                        if (open.size() >= MAX_DEPTH) {
                            throw tooLarge("nested deeper than " + MAX_DEPTH + " levels", "嵌套超过 " + MAX_DEPTH + " 层");
                        }
                        open.push(new Building(reader.getLocalName()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) {
                            StringBuilder text = open.peek().text;
                            text.append(reader.getText());
                            if (text.length() > MAX_TEXT) {
                                throw tooLarge("text longer than " + MAX_TEXT + " characters", "文本超过 " + MAX_TEXT + " 个字符");
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Building done = open.pop();
                        // a leaf keeps its text exactly; whitespace between child elements is layout, not data
                        String text = done.children.isEmpty() ? done.text.toString() : "";
                        XmlElement element = new XmlElement(done.name, text, done.children);
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                    }
                    default -> { }
                }
            }
            if (root == null) {
                throw new XmlRejected("XML_MALFORMED", "/", "没有根元素", "no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new XmlRejected("XML_MALFORMED", "/", "XML 格式错误", "malformed XML: "
                    + e.getMessage().replaceAll("\\s+", " "));
        } finally {
            close(reader);
        }
    }

    private static XmlRejected unsafe(String en, String zh) {
        return new XmlRejected("XML_UNSAFE", "/", zh, en);
    }

    private static XmlRejected tooLarge(String en, String zh) {
        return new XmlRejected("XML_TOO_LARGE", "/", zh, en);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }

    private static final class Building {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Building(String name) {
            this.name = name;
        }
    }
}
