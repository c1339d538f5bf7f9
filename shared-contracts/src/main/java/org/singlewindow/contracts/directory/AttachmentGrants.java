package org.singlewindow.contracts.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.document.DocumentType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Which attachment codes each agency receives with each document type ({@code attachment-grants.yaml}). */
public final class AttachmentGrants {

    private static final AttachmentGrants STANDARD = load();

    private final Map<String, Map<String, List<String>>> grants;

    private AttachmentGrants(Map<String, Map<String, List<String>>> grants) {
        this.grants = grants;
    }

    public static AttachmentGrants standard() {
        return STANDARD;
    }

    /** Whether {@code agency}, sent a document of {@code type}, receives attachments of {@code code}. */
    public boolean grants(String agency, DocumentType type, String code) {
        List<String> codes = grants.getOrDefault(agency, Map.of()).getOrDefault(type.name(), List.of());
        return codes.contains("*") || codes.contains(code);
    }

    @SuppressWarnings("unchecked")
    private static AttachmentGrants load() {
        try (InputStream in = AttachmentGrants.class.getResourceAsStream("attachment-grants.yaml")) {
            Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Map<String, List<String>>> grants = (Map<String, Map<String, List<String>>>) raw.get("grants");
            grants.forEach((agency, types) -> types.forEach((type, codes) -> {
                DocumentType.valueOf(type);
                codes.stream().filter(c -> !c.equals("*") && !CodeList.ATTACHMENT_CODES.contains(c)).findAny()
                        .ifPresent(c -> {
                            throw new IllegalStateException("attachment-grants.yaml: unknown code " + c);
                        });
            }));
            return new AttachmentGrants(Map.copyOf(grants));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
