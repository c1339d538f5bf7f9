package org.singlewindow.contracts.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A code list loaded from a classpath text file: one code per line, optionally a value after it (separated by
 * blanks, e.g. a customs district's province), its label after {@code #}. Lines that start with {@code #} are
 * comments; the file's header says where the list came from. A prefix list accepts a code when it starts with one
 * of the listed codes (e.g. customs districts, by their directly-subordinate customs).
 */
public final class CodeList {

    /** ISO 3166-1 alpha-3 country codes. */
    public static final CodeList COUNTRIES = load("iso3166-alpha3.txt", false);
    /** ISO 4217 alphabetic currency codes. */
    public static final CodeList CURRENCIES = load("iso4217.txt", false);

    /** Reasons for amending or cancelling a document (修改/撤销原因). */
    public static final CodeList CHANGE_REASONS = load("change-reasons.txt", false);

    /** Kinds of electronic attachment (随附单据代码, E-Port's EdocCode). */
    public static final CodeList ATTACHMENT_CODES = load("edoc-codes.txt", false);

    private final String resource;
    private final Map<String, String> labels;
    private final Map<String, String> values;
    private final boolean prefix;

    private CodeList(String resource, Map<String, String> labels, Map<String, String> values, boolean prefix) {
        this.resource = resource;
        this.labels = Collections.unmodifiableMap(labels);
        this.values = Collections.unmodifiableMap(values);
        this.prefix = prefix;
    }

    /** The customs districts (关区代码) by prefix, each with its province (GB/T 2260) as its value. */
    public static CodeList customsDistricts() {
        return load("customs-districts.txt", true);
    }

    public boolean contains(String code) {
        if (code == null) {
            return false;
        }
        if (!prefix) {
            return labels.containsKey(code);
        }
        return labels.keySet().stream().anyMatch(code::startsWith);
    }

    public int size() {
        return labels.size();
    }

    /** The classpath resource it was read from (under {@code org/singlewindow/contracts/codes/}). */
    public String name() {
        return resource;
    }

    /** Whether codes match by prefix. */
    public boolean prefix() {
        return prefix;
    }

    /** Codes in file order, each with its label (may be empty). */
    public Map<String, String> labels() {
        return labels;
    }

    /** Codes that have a value in the file, in file order, each with its value. */
    public Map<String, String> values() {
        return values;
    }

    /** Reads {@code resource} next to this class. */
    public static CodeList load(String resource, boolean prefix) {
        try (InputStream in = CodeList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("code list missing from classpath: " + resource);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> values = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+", 2);
                String code = fields[0];
                if (!code.isEmpty()) {
                    labels.put(code, hash >= 0 ? line.substring(hash + 1).trim() : "");
                    if (fields.length > 1) {
                        values.put(code, fields[1].trim());
                    }
                }
            }
            return new CodeList(resource, labels, values, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
