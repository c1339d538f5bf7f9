package org.singlewindow.provincial.support;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyReceipts;
import org.singlewindow.contracts.exchange.DispatchNotice;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the province's handler tests share (status order, changes racing receipts): a declaration this province
 * took, the envelopes central sends it, and reads of the outcome. Every time comes from the test's one clock.
 */
public final class HandlerFixtures {

    /** Imported only (not annotated as configuration, so the node's component scan never finds it in the test jar). */
    @EnableConfigurationProperties(NodeProperties.class)
    public static class Beans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
            return new TransactionTemplate(transactions);
        }

        @Bean
        HandlerFixtures handlerFixtures(TransactionTemplate tx, DeclarationMapper declarations, JdbcTemplate jdbc,
                                        Clock clock) {
            return new HandlerFixtures(tx, declarations, jdbc, clock);
        }
    }

    private final TransactionTemplate tx;
    private final DeclarationMapper declarations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public HandlerFixtures(TransactionTemplate tx, DeclarationMapper declarations, JdbcTemplate jdbc, Clock clock) {
        this.tx = tx;
        this.declarations = declarations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A goods declaration this province took (RECEIVED, with its first status event); returns its id. */
    public String declaration() {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> declarations.insert(new DeclarationRow(id, "GOODS_DECLARATION",
                "91310115MA1H7G0X0M", id, "hash", "310000", "RECEIVED", DeclarationRow.seal(id, "{}"), now, now, null,
                null)));
        tx.executeWithoutResult(s -> jdbc.update("insert into declaration_event (declaration_id, kind, node, status, "
                + "occurred_at, recorded_at) values (?, 'STATUS', '310000', 'RECEIVED', ?, ?)", id,
                java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)));
        return id;
    }

    /** Central's dispatch notice: the declaration was routed to these agencies (rule {@code customs-all} each). */
    public Envelope notice(String id, String... agencies) {
        return envelope(id, MessageType.DISPATCH_NOTICE, new DispatchNotice(java.util.Arrays.stream(agencies)
                .map(a -> new DispatchNotice.RoutedAgency(a, a.equals("GACC") ? "customs-all" : "licensed-goods"))
                .toList()));
    }

    public Envelope receipts(String id, AgencyReceipt... receipts) {
        return envelope(id, MessageType.AGENCY_RECEIPT, new AgencyReceipts(List.of(receipts)));
    }

    public AgencyReceipt receipt(String id, String agency, AgencyStatus status) {
        return new AgencyReceipt(id + ":" + agency + ":" + status, id, agency, status, null, null, clock.instant());
    }

    /** An envelope from central to this province, with a new message id. */
    public Envelope envelope(String id, MessageType type, Object payload) {
        return new Envelope(UUID.randomUUID().toString(), id, type, DocumentType.GOODS_DECLARATION, "central",
                "province:310000", "310000", clock.instant(), List.of(), Envelope.SCHEMA_VERSION,
                Json.MAPPER.valueToTree(payload));
    }

    public String status(String id) {
        return jdbc.queryForObject("select status from declaration where id = ?", String.class, id);
    }

    public int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /**
     * Runs the messages at once in a shuffled order, one thread of {@code threads} each, all released together at a
     * barrier; returns when all are done, throwing the first failure.
     */
    public static void atOnce(ExecutorService threads, List<Runnable> messages) throws Exception {
        List<Runnable> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled);
        CyclicBarrier barrier = new CyclicBarrier(shuffled.size());
        List<Future<?>> done = new ArrayList<>();
        for (Runnable message : shuffled) {
            done.add(threads.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                message.run();
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
