package org.singlewindow.central.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.SecurityContext;
import org.singlewindow.central.CentralProperties;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.IssuerKeys;
import org.singlewindow.node.persistence.PeriodicPass;
import org.singlewindow.node.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Central's token-signing keys, one set for all of central's instances, kept in the database
 * ({@code identity_signing_key}, sealed at rest) and rotated by {@link KeyRotation}: the published set is what
 * {@code /oauth2/jwks} serves and what central checks tokens against; each token names the key that signed it
 * ({@link #signingKeyId()}, in its header). The database's first key is the one in {@code sw.identity.signing-key-file}
 * (default {@code <data-dir>/identity/signing-key.pem}) when that file exists, so tokens issued before stay valid;
 * otherwise a new one. Every instance re-reads the set every {@value #RELOAD_SECONDS} s, when a token names a key it
 * does not know, and at its pass every minute, where it also makes and retires keys as rotation calls for. (It also
 * has the authorizations the authorization server keeps in {@code oauth2_authorization} pruned.)
 */
@Component
public class SigningKeys extends PeriodicPass implements IssuerKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final long RELOAD_SECONDS = 30;

    private final SigningKeyMapper mapper;
    private final Clock clock;
    private final KeyRotation rotation;
    private final Path importable;
    private volatile Loaded loaded;

    /** The keys as last read (the set is checked against at every authenticated request: made once per read). */
    private record Loaded(JWKSet keys, List<KeyRotation.Key> schedule, Instant at) {
    }

    public SigningKeys(SigningKeyMapper mapper, NodeProperties node, CentralProperties central, Clock clock,
                       Retention retention) {
        super("signing-keys", Duration.ofMinutes(1), false);
        // authorizations whose codes and tokens have all expired are pruned a day after
        retention.register("oauth2_authorization", Duration.ofDays(1), mapper::deleteAuthorizationsExpiredBefore);
        this.mapper = mapper;
        this.clock = clock;
        CentralProperties.Identity identity = central.identity();
        this.rotation = new KeyRotation(identity.keyRotation(), identity.keyPublishAhead(), identity.tokenTtl());
        this.importable = identity.signingKeyFile() != null ? identity.signingKeyFile()
                : node.dataDir().resolve("identity/signing-key.pem");
    }

    @Override
    protected void pass() {
        rotate();
    }

    /** Makes and retires keys as rotation calls for, then reads the set. */
    synchronized void rotate() {
        Instant now = clock.instant();
        List<KeyRotation.Key> schedule = read().schedule();
        if (rotation.newKeyDue(schedule, now)) {
            RSAKey key = schedule.isEmpty() && Files.exists(importable) ? SigningKeyStore.read(importable)
                    : SigningKeyStore.generate();
            Instant start = rotation.startOfNewKey(schedule, now);
            try {
                mapper.insert(new SigningKeyRow(key.getKeyID(), SigningKeyRow.seal(key.getKeyID(), key.toJSONString()),
                        start, now));
                log.info("token signing key {} made; it signs from {}", key.getKeyID(), start);
            } catch (DuplicateKeyException sameKey) {
                // another instance took the same key file in at the same moment
            }
        }
        for (KeyRotation.Key old : rotation.retired(schedule, now)) {
            mapper.delete(old.kid());
            log.info("token signing key {} retired: no token it signed is still valid", old.kid());
        }
        loaded = read();
    }

    private Loaded read() {
        List<JWK> keys = new ArrayList<>();
        List<KeyRotation.Key> schedule = new ArrayList<>();
        for (SigningKeyRow row : mapper.all()) {
            try {
                keys.add(RSAKey.parse(row.jwk()));
                schedule.add(new KeyRotation.Key(row.kid(), row.signsFrom()));
            } catch (ParseException e) {
                throw new IllegalStateException("signing key " + row.kid() + " does not parse", e);
            }
        }
        return new Loaded(new JWKSet(keys), List.copyOf(schedule), clock.instant());
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null) {
            rotate();
            return loaded;
        }
        if (clock.instant().isAfter(now.at().plusSeconds(RELOAD_SECONDS))) {
            loaded = read();
        }
        return loaded;
    }

    /** The id of the key that signs now: every token names it, so the encoder picks exactly this key. */
    public String signingKeyId() {
        Loaded keys = current();
        return rotation.signing(keys.schedule(), clock.instant()).map(KeyRotation.Key::kid)
                .orElseThrow(() -> new IllegalStateException("no token signing key has started"));
    }

    /** The published keys (private parts included: the authorization server's encoder signs with them). */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Loaded keys = current();
        List<JWK> found = selector.select(keys.keys());
        if (found.isEmpty() && clock.instant().isAfter(keys.at().plusSeconds(1))) {
            loaded = read(); // a key another instance made since
            found = selector.select(loaded.keys());
        }
        return found;
    }
}
