package org.singlewindow.node.atrest;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.singlewindow.security.Sm4Gcm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sealing type handler, keyed from {@code sw.at-rest}; MyBatis' auto-configuration registers every
 * type-handler bean for the JDBC types it declares.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AtRestProperties.class)
public class AtRestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AtRestConfiguration.class);

    @Bean
    SealedTextTypeHandler sealedTextTypeHandler(AtRestProperties properties) {
        if (!properties.enabled()) {
            log.warn("sw.at-rest.current-key is not set: documents are stored in clear");
            return new SealedTextTypeHandler(null);
        }
        Map<String, byte[]> keys = keys(properties);
        log.info("documents at rest are sealed with SM4-GCM key '{}' ({} key(s) can open)", properties.currentKey(),
                keys.size());
        return new SealedTextTypeHandler(new Sm4Gcm(properties.currentKey(), keys));
    }

    /** The configured SM4 keys by id, as bytes. */
    public static Map<String, byte[]> keys(AtRestProperties properties) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, hex) -> {
            try {
                keys.put(id, HexFormat.of().parseHex(hex.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sw.at-rest.keys." + id + " must be 32 hex digits", e);
            }
        });
        return keys;
    }
}
