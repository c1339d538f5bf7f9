package org.singlewindow.node.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.singlewindow.security.Lru;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Bearer tokens as the API checks them, a token's signature verified once: a client sends the same token with every
 * request until it expires, so a token whose signature this node verified within the last {@value #REMEMBER_SECONDS}
 * seconds (the last {@value #CAPACITY} tokens, by their exact text) is not verified again. The validators (expiry,
 * not-before, issuer) run at every use, so a remembered token still stops working when it expires; a key withdrawn
 * from the issuer's set stops vouching for its tokens here within {@value #REMEMBER_SECONDS} s (a province re-reads
 * central's keys every five minutes anyway).
 */
final class RememberedTokens implements JwtDecoder {

    static final long REMEMBER_SECONDS = 60;
    static final int CAPACITY = 4096;
    private static final Duration REMEMBER = Duration.ofSeconds(REMEMBER_SECONDS);

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Map<String, Remembered> tokens = Lru.map(CAPACITY);

    private record Remembered(Jwt jwt, Instant verifiedAt) {
    }

    /**
     * @param verifying the decoder that verifies the signature and runs {@code validator}
     * @param validator the same validator, run again on a remembered token
     */
    RememberedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.verifying = verifying;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Remembered known;
        synchronized (tokens) {
            known = tokens.get(token);
        }
        if (known != null && now.isBefore(known.verifiedAt().plus(REMEMBER))) {
            OAuth2TokenValidatorResult result = validator.validate(known.jwt());
            if (result.hasErrors()) {
                throw new JwtValidationException("the token is no longer valid", result.getErrors());
            }
            return known.jwt();
        }
        Jwt jwt = verifying.decode(token);
        synchronized (tokens) {
            tokens.put(token, new Remembered(jwt, now));
        }
        return jwt;
    }
}
