package org.singlewindow.international;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway's parts, when {@code sw.as4.enabled}: our key and the partners' certificates read at start (a missing
 * or unreadable one stops central), the P-Modes, and {@code POST /as4} open to anyone at the HTTP level: a message is
 * authenticated by its WS-Security signature, by the certificate configured for the party it claims to be.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
@EnableConfigurationProperties(As4Properties.class)
class As4Configuration {

    @Bean
    As4Security as4Security(As4Properties settings) {
        if (settings.keyStore() == null || settings.keyStorePassword() == null) {
            throw new IllegalStateException("sw.as4.enabled needs sw.as4.key-store and sw.as4.key-store-password");
        }
        try (InputStream in = Files.newInputStream(settings.keyStore())) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(in, settings.keyStorePassword().toCharArray());
            Map<String, X509Certificate> partners = new LinkedHashMap<>();
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Map.Entry<String, As4Properties.Partner> p : settings.partners().entrySet()) {
                try (InputStream cert = Files.newInputStream(p.getValue().certificate())) {
                    partners.put(p.getKey(), (X509Certificate) x509.generateCertificate(cert));
                }
            }
            return new As4Security(own, settings.keyAlias(), settings.keyStorePassword(), partners);
        } catch (IOException e) {
            throw new UncheckedIOException("AS4 keys: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AS4 keys: " + e.getMessage(), e);
        }
    }

    @Bean
    PModes pmodes(As4Properties settings, ResourceLoader resources) throws IOException {
        return PModes.read(resources.getResource(settings.pmodes()).getInputStream());
    }

    @Bean
    @Order(1)
    SecurityFilterChain as4Chain(HttpSecurity http) throws Exception {
        http.securityMatcher("/as4")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
