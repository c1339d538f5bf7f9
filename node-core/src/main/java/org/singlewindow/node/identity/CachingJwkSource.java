package org.singlewindow.node.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central's public keys as a provincial node sees them: fetched from {@code /oauth2/jwks}, refreshed every
 * {@code refresh} or when a token names an unknown key, and, when central cannot be reached, the last keys
 * fetched stay in use for up to {@code maxStale}. So a province keeps validating tokens while central is down.
 */
public class CachingJwkSource implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(CachingJwkSource.class);

    private final URI uri;
    private final Duration refresh;
    private final Duration maxStale;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.EPOCH;
    private volatile Instant lastAttempt = Instant.EPOCH;

    public CachingJwkSource(URI uri, Duration refresh, Duration maxStale, Clock clock) {
        this.uri = uri;
        this.refresh = refresh;
        this.maxStale = maxStale;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSet set = current(false);
        List<JWK> found = selector.select(set);
        if (found.isEmpty()) {
            found = selector.select(current(true));
        }
        return found;
    }

    private synchronized JWKSet current(boolean unknownKey) throws KeySourceException {
        Instant now = clock.instant();
        boolean due = keys == null || now.isAfter(fetchedAt.plus(refresh));
        boolean mayRetry = now.isAfter(lastAttempt.plusSeconds(1));
        if ((due || unknownKey) && mayRetry) {
            lastAttempt = now;
            try {
                keys = fetch();
                fetchedAt = now;
            } catch (IOException | ParseException e) {
                log.warn("cannot fetch central's public keys from {}: {}", uri, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (keys == null || now.isAfter(fetchedAt.plus(maxStale))) {
            throw new KeySourceException("central's public keys are unavailable (" + uri + ")");
        }
        return keys;
    }

    private JWKSet fetch() throws IOException, InterruptedException, ParseException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return JWKSet.parse(response.body());
    }
}
