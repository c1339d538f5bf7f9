package org.singlewindow.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Customs district (关区) → province table. Keys are district codes or prefixes of them (the first two digits
 * name the directly-subordinate customs, 直属海关); the longest matching key wins.
 */
public final class CustomsDistricts {

    private static final Pattern KEY = Pattern.compile("\\d{2,4}");
    private static final Pattern PROVINCE = Pattern.compile("\\d{6}");

    private final Map<String, String> provinceByPrefix;

    public CustomsDistricts(Map<String, String> provinceByPrefix) {
        provinceByPrefix.forEach((key, province) -> {
            if (!KEY.matcher(key).matches() || !PROVINCE.matcher(province).matches()) {
                throw new RuleSetException("customs district table: '" + key + "' → '" + province
                        + "' must map 2-4 digits to a 6-digit province code");
            }
        });
        this.provinceByPrefix = new TreeMap<>(provinceByPrefix);
    }

    /** The table shipped with this module ({@code customs-districts.yaml}). */
    public static CustomsDistricts bundled() {
        try (InputStream in = CustomsDistricts.class.getResourceAsStream("customs-districts.yaml")) {
            return load(in, "classpath:org/singlewindow/routing/customs-districts.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table: a YAML map {@code districts: {"22": "310000", ...}}. */
    @SuppressWarnings("unchecked")
    public static CustomsDistricts load(InputStream in, String source) {
        if (in == null) {
            throw new RuleSetException(source + ": customs district table not found");
        }
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(doc instanceof Map<?, ?> map) || !(map.get("districts") instanceof Map<?, ?> districts)) {
            throw new RuleSetException(source + ": expected a map 'districts'");
        }
        Map<String, String> table = new TreeMap<>();
        ((Map<Object, Object>) districts).forEach((k, v) -> table.put(String.valueOf(k), String.valueOf(v)));
        return new CustomsDistricts(table);
    }

    /** The province a customs district belongs to, when the table knows it. */
    public Optional<String> provinceOf(String district) {
        if (district == null) {
            return Optional.empty();
        }
        for (int len = Math.min(4, district.length()); len >= 2; len--) {
            String province = provinceByPrefix.get(district.substring(0, len));
            if (province != null) {
                return Optional.of(province);
            }
        }
        return Optional.empty();
    }
}
