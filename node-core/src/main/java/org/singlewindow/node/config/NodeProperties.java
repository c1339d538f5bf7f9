package org.singlewindow.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every node is configured with, under {@code sw.*}, whatever its role; each role module adds its own
 * ({@code CentralProperties}: ministry links, provinces served, token issuing; {@code ProvincialProperties}: the
 * link to central, portal login). Defaults are the local federation's; production overrides come from the
 * environment (docs/configuration.md).
 *
 * @param role       central or provincial
 * @param code       this node's code: {@code central}, or its 6-digit province code (GB/T 2260)
 * @param name       display name, e.g. 中国（上海）国际贸易单一窗口
 * @param publicUrl  this node's own base URL as others reach it (ministries post receipts under it)
 * @param dataDir    where the node keeps its files (embedded broker journal, signing key)
 * @param rules      location of the routing rule file (Spring resource)
 * @param broker     the node's own Artemis broker
 * @param outbox     the transactional outbox relay
 * @param redelivery the shared error policy
 * @param intake     declarant-facing limits
 * @param identity   token validation (every node)
 * @param cluster    running as several instances of one node
 * @param groupCommit messages from other nodes applied together in one database transaction
 */
@ConfigurationProperties("sw")
public record NodeProperties(
        @DefaultValue("PROVINCIAL") NodeRole role,
        @DefaultValue("310000") String code,
        @DefaultValue("") String name,
        @DefaultValue("http://127.0.0.1:8600") URI publicUrl,
        @DefaultValue("./data/node") Path dataDir,
        @DefaultValue("classpath:rules/routing-rules.yaml") String rules,
        @DefaultValue Broker broker,
        @DefaultValue Outbox outbox,
        @DefaultValue Redelivery redelivery,
        @DefaultValue Intake intake,
        @DefaultValue Identity identity,
        @DefaultValue Cluster cluster,
        @DefaultValue GroupCommit groupCommit) {

    /**
     * A node running as several instances on one database and one broker (README, "Scale-out").
     *
     * @param enabled when true, an instance announces each declaration whose events changed on the broker topic
     *                {@code sw.events.changed}, so that the instance holding a declarant's event stream pushes them
     *                (the database, the outbox claims, the signing keys and the authorizations are shared anyway)
     */
    public record Cluster(@DefaultValue("false") boolean enabled) {
    }

    /**
     * The node's own broker. It requires authentication: the node itself connects as {@code user} (on an embedded
     * broker with a password made at start-up unless one is given); others only as a role module admits them
     * (central: each province it serves, see {@code BrokerGuests}).
     *
     * @param acceptorPort TCP port of the CORE acceptor other nodes dial into (0: no TCP acceptor)
     * @param acceptorHost address the acceptor binds to
     * @param consumers    concurrent consumers per inbound queue
     * @param user         the node's own user on its broker
     * @param password     its password (embedded broker: random per start when empty; external broker: give it)
     * @param tls          TLS on the acceptor
     * @param ha           the embedded broker's part in a shared-store pair ({@link Ha}); both instances point
     *                     {@code spring.artemis.embedded.data-directory} at the same journal and give the same
     *                     {@code password}
     * @param memory       how much of the heap the embedded broker may fill with messages before it pages them to
     *                     its journal directory (Artemis {@code global-max-size}; unset: Artemis' own default, half
     *                     the heap). A deep queue, such as a large attachment's pieces waiting on the link, costs no
     *                     more heap than this
     */
    public record Broker(@DefaultValue("0") int acceptorPort, @DefaultValue("127.0.0.1") String acceptorHost,
                         @DefaultValue("4") int consumers, @DefaultValue("node") String user, String password,
                         @DefaultValue Tls tls, @DefaultValue("NONE") Ha ha, DataSize memory) {

        public Broker {
            if (ha != Ha.NONE && (password == null || password.isBlank())) {
                throw new IllegalArgumentException("sw.broker.ha=" + ha + " needs sw.broker.password: every instance "
                        + "of the node connects to whichever broker of the pair is live, as the same user");
            }
        }
    }

    /**
     * The embedded broker's part when a node runs as several instances (see README, "Scale-out"): two instances
     * share one journal directory (shared store); the {@code PRIMARY} takes the journal's lock and serves, the
     * {@code BACKUP} waits for the lock and serves once the primary is gone (killed or stopped), and keeps serving:
     * an instance started again after its half was taken over starts as {@code BACKUP} (a {@code PRIMARY} would wait
     * for the lock before its node started). Every instance connects through {@code spring.artemis.broker-url}
     * listing both acceptors, and reconnects to the one that serves.
     */
    public enum Ha {
        /** A broker of its own (default). */
        NONE,
        /** The live half of a shared-store pair. */
        PRIMARY,
        /** The backup half of a shared-store pair. */
        BACKUP
    }

    /**
     * TLS of the broker's acceptor (server side).
     *
     * @param keyStore         PKCS#12 file with the broker's key and certificate; empty: plain TCP
     * @param keyStorePassword its password
     */
    public record Tls(String keyStore, String keyStorePassword) {

        public boolean enabled() {
            return keyStore != null && !keyStore.isBlank();
        }
    }

    /**
     * @param pollInterval how often the relay looks for unsent rows when nothing woke it
     * @param batchSize    rows per relay pass
     * @param enabled      switched off only to simulate a crash between commit and send in tests
     */
    public record Outbox(@DefaultValue("1s") Duration pollInterval, @DefaultValue("200") int batchSize,
                         @DefaultValue("true") boolean enabled) {
    }

    /**
     * The shared error policy (see {@code ErrorPolicy}): what can never succeed is parked at once; what a wait will
     * cure (a ministry, database, broker or peer that is down) is retried with exponential backoff without limit;
     * anything unexpected is retried {@code attempts} times, then parked.
     *
     * @param attempts       in-process attempts for an unexpected failure before it is parked
     * @param delay          delay between those attempts
     * @param retryDelay     first delay while waiting out a transient failure (doubles each attempt)
     * @param retryMaxDelay  ceiling of that delay (a ministry link may set its own: {@code sw.agencies.<CODE>})
     * @param brokerAttempts broker deliveries before the broker itself dead-letters a message; -1 (default): never,
     *                       so restarts while a message is in flight cannot push it into a dead-letter queue (the
     *                       node decides what is parked, and why)
     * @param brokerDelay    delay before the broker redelivers a message rolled back (e.g. by a stopping node)
     */
    public record Redelivery(@DefaultValue("3") int attempts, @DefaultValue("200ms") Duration delay,
                             @DefaultValue("500ms") Duration retryDelay, @DefaultValue("30s") Duration retryMaxDelay,
                             @DefaultValue("-1") int brokerAttempts, @DefaultValue("1s") Duration brokerDelay) {
    }

    /**
     * @param maxBodySize          largest request body the declaration API accepts
     * @param sseTimeout           how long an event stream stays open without reaching a final status
     * @param maxStreamsPerClient  event streams one client may hold open at once (429 beyond)
     * @param sseHeartbeat         how often an open stream gets a comment line, so that a client gone away is noticed
     *                             and its stream (and its share of the cap) freed
     */
    public record Intake(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("30m") Duration sseTimeout,
                         @DefaultValue("32") int maxStreamsPerClient, @DefaultValue("15s") Duration sseHeartbeat) {
    }

    /**
     * Token validation, on every node (central issues the tokens: {@code CentralProperties.Identity}).
     *
     * @param issuer       the token issuer URL every node expects in {@code iss}
     * @param jwksMaxStale how long a node keeps using central's last known public keys when central is down
     */
    public record Identity(@DefaultValue("http://127.0.0.1:8600") String issuer,
                           @DefaultValue("24h") Duration jwksMaxStale) {
    }

    /**
     * Group commit of inbound messages ({@code GroupCommit}): what the node's consumers receive at the same time is
     * applied in one database transaction, one commit (and one audit-chain append) for the group.
     *
     * @param maxSize most messages in one transaction; 1 applies each in a transaction of its own
     */
    public record GroupCommit(@DefaultValue("16") int maxSize) {
    }
}
