package org.singlewindow.node.atrest;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Node keys for documents at rest.
 *
 * @param currentKey id of the key that seals new values; empty leaves documents in clear (and says so at start-up)
 * @param keys       every key that may have sealed a stored value: id → 32 hex digits (128-bit SM4 key)
 */
@ConfigurationProperties("sw.at-rest")
public record AtRestProperties(String currentKey, Map<String, String> keys) {

    public AtRestProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    public boolean enabled() {
        return currentKey != null && !currentKey.isBlank();
    }
}
