package org.singlewindow.contracts.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** A code list loaded from a classpath text file: one code per line, text after {@code #} ignored. */
public final class CodeList {

    /** ISO 3166-1 alpha-3 country codes. */
    public static final CodeList COUNTRIES = load("iso3166-alpha3.txt");
    /** ISO 4217 alphabetic currency codes. */
    public static final CodeList CURRENCIES = load("iso4217.txt");

    private final String name;
    private final Set<String> codes;

    private CodeList(String name, Set<String> codes) {
        this.name = name;
        this.codes = Set.copyOf(codes);
    }

    public boolean contains(String code) {
        return code != null && codes.contains(code);
    }

    public int size() {
        return codes.size();
    }

    public String name() {
        return name;
    }

    static CodeList load(String resource) {
        try (InputStream in = CodeList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("code list missing from classpath: " + resource);
            }
            Set<String> codes = new LinkedHashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                String code = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
            return new CodeList(resource, codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
