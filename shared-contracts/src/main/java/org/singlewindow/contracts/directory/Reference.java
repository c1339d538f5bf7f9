package org.singlewindow.contracts.directory;

import java.util.List;
import java.util.Map;

/**
 * A field that refers to an earlier document of the same declarant, checked by the node that takes the
 * submission (it alone has the earlier documents).
 *
 * @param field        dotted path of the field holding the earlier document's declaration id
 * @param documentType the earlier document's type
 * @param match        fields the earlier document must have with these values (dotted path → value)
 * @param sameAs       dotted paths whose values must be the same in both documents
 * @param releasedBy   an agency whose receipt must have released or closed the earlier document, or {@code null}
 */
public record Reference(String field, String documentType, Map<String, String> match, List<String> sameAs,
                        String releasedBy) {

    public Reference {
        match = Map.copyOf(match);
        sameAs = List.copyOf(sameAs);
    }
}
