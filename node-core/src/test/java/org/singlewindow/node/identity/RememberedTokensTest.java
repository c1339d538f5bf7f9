package org.singlewindow.node.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.singlewindow.node.MovableClock;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A token's signature is verified once while it is remembered; expiry and issuer are checked at every use. */
class RememberedTokensTest {

    private static final String ISSUER = "http://127.0.0.1:8600";
    private static final RSAKey KEY = key("k1");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T08:00:00Z"));
    /** How often the decoder looked up a verifying key: once per signature verified. */
    private final AtomicInteger verifications = new AtomicInteger();
    private final RememberedTokens tokens = decoder(KEY);

    @Test
    void a_token_used_again_should_not_be_verified_again_while_remembered() {
        String token = token(KEY, Duration.ofHours(1));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("sh-acme");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("sh-acme");
        clock.move(Duration.ofSeconds(RememberedTokens.REMEMBER_SECONDS - 1));
        tokens.decode(token);
        assertThat(verifications).hasValue(1);
        clock.move(Duration.ofSeconds(2));
        tokens.decode(token);
        assertThat(verifications).as("verified again once no longer remembered").hasValue(2);
    }

    @Test
    void a_remembered_token_should_stop_working_when_it_expires() {
        String token = token(KEY, Duration.ofSeconds(30));
        tokens.decode(token);
        clock.move(Duration.ofSeconds(31));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("no longer valid");
    }

    @Test
    void an_altered_token_or_one_signed_by_another_key_should_be_verified_and_refused() {
        String token = token(KEY, Duration.ofHours(1));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String otherClaims = token(KEY, Duration.ofHours(2)).split("\\.")[1];
        assertThatThrownBy(() -> tokens.decode(parts[0] + "." + otherClaims + "." + parts[2]))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(token(key("k1"), Duration.ofHours(1))))
                .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    private RememberedTokens decoder(RSAKey trusted) {
        JWKSet set = new JWKSet(trusted.toPublicJWK());
        JWKSource<SecurityContext> keys = (selector, context) -> {
            verifications.incrementAndGet();
            return selector.select(set);
        };
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(ISSUER));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(validator);
        return new RememberedTokens(decoder, validator, clock);
    }

    private String token(RSAKey key, Duration ttl) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(key)));
        Instant now = clock.instant();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID())
                .build(), JwtClaimsSet.builder().issuer(ISSUER).subject("sh-acme").issuedAt(now)
                .expiresAt(now.plus(ttl)).claim("scope", List.of("declare")).build())).getTokenValue();
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
