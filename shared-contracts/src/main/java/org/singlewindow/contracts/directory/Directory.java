package org.singlewindow.contracts.directory;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.document.DocumentType;

/**
 * The data element directory (数据元目录): every element, the code lists they use, every document type built
 * from them and the subset of each document each agency is entitled to (数据授权使用). Loaded from YAML next to
 * this class and checked as a whole when loaded (see {@link DirectoryLoader}); immutable afterwards.
 */
public final class Directory {

    private static volatile Directory standard;

    private final Map<String, DataElement> elements;
    private final Map<String, CodeListInfo> codeLists;
    private final Map<DocumentType, DocumentDefinition> documents;
    private final Map<AgencyCode, Map<DocumentType, List<String>>> subsets;
    private final DocumentValidator validator = new DocumentValidator(this);

    Directory(Map<String, DataElement> elements, Map<String, CodeListInfo> codeLists,
              Map<DocumentType, DocumentDefinition> documents, Map<AgencyCode, Map<DocumentType, List<String>>> subsets) {
        this.elements = Collections.unmodifiableMap(elements);
        this.codeLists = Collections.unmodifiableMap(codeLists);
        this.documents = Collections.unmodifiableMap(documents);
        this.subsets = Collections.unmodifiableMap(subsets);
    }

    /** The directory shipped with this module, loaded once. */
    public static Directory standard() {
        Directory d = standard;
        if (d == null) {
            synchronized (Directory.class) {
                d = standard;
                if (d == null) {
                    d = DirectoryLoader.load();
                    standard = d;
                }
            }
        }
        return d;
    }

    /** A code list with where it came from. */
    public record CodeListInfo(String name, String nameZh, String nameEn, String source, CodeList codes) {
    }

    public Map<String, DataElement> elements() {
        return elements;
    }

    public DataElement element(String id) {
        DataElement e = elements.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no data element " + id);
        }
        return e;
    }

    public Map<String, CodeListInfo> codeLists() {
        return codeLists;
    }

    public CodeList codeList(String name) {
        return codeLists.get(name).codes();
    }

    public Map<DocumentType, DocumentDefinition> documents() {
        return documents;
    }

    public DocumentDefinition document(DocumentType type) {
        return documents.get(type);
    }

    /**
     * The dotted paths of the fields {@code agency} may receive of a {@code type} document ({@code *}: all of it);
     * empty when the agency receives no such documents.
     */
    public List<String> subset(AgencyCode agency, DocumentType type) {
        return subsets.getOrDefault(agency, Map.of()).getOrDefault(type, List.of());
    }

    public Map<AgencyCode, Map<DocumentType, List<String>>> subsets() {
        return subsets;
    }

    public DocumentValidator validator() {
        return validator;
    }
}
