package org.singlewindow.contracts.eport;

import java.util.List;

import org.singlewindow.contracts.declaration.Violation;

/** XML that cannot be accepted: unsafe, malformed, too large, or not mappable. Carries every problem found. */
public class XmlRejected extends RuntimeException {

    private final String code;
    private final List<Violation> problems;

    public XmlRejected(String code, String message, List<Violation> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public XmlRejected(String code, String path, String zh, String en) {
        this(code, en, List.of(new Violation(path, code, zh, en)));
    }

    /** {@code XML_UNSAFE}, {@code XML_MALFORMED}, {@code XML_TOO_LARGE} or {@code XML_UNMAPPABLE}. */
    public String code() {
        return code;
    }

    public List<Violation> problems() {
        return problems;
    }
}
