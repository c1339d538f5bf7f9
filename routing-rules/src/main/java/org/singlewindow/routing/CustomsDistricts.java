package org.singlewindow.routing;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.singlewindow.contracts.codes.CodeList;

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

    /**
     * The one customs district table ({@code shared-contracts}' {@code customs-districts.txt}, which the directory
     * also accepts districts by): every prefix with its province.
     */
    public static CustomsDistricts bundled() {
        return new CustomsDistricts(CodeList.customsDistricts().values());
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
