package org.singlewindow.provincial.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.singlewindow.node.persistence.MapperTestSetup;
import org.singlewindow.node.retention.Retention;
import org.singlewindow.node.retention.RetentionProperties;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.provincial.peer.PeerCopyHandler;
import org.singlewindow.provincial.peer.PeerCopyMapper;
import org.singlewindow.provincial.peer.PeerCopyRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a province's own mapper (peer copies) must do, on every database the node supports, after the shared
 * migrations. Subclasses choose the database; each test rolls back.
 */
@MapperTestSetup
abstract class ProvincialMapperContract {

    static final Instant T0 = Instant.parse("2026-11-27T08:00:00.123Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    PeerCopyMapper peerCopies;

    @Test
    void peer_copies_should_be_kept_and_listed() {
        peerCopies.insert(new PeerCopyRow("m-1", "d-1", "310000", "port-copy", PeerCopyRow.seal("m-1", "{\"b\":1}"), T0));
        peerCopies.insert(new PeerCopyRow("m-2", "d-2", "310000", "port-copy", PeerCopyRow.seal("m-2", "{}"),
                T0.plusSeconds(1)));
        assertThat(peerCopies.latest(10)).extracting(PeerCopyRow::messageId).containsExactly("m-2", "m-1");
        assertThat(peerCopies.byDeclaration("d-1")).singleElement().satisfies(copy -> {
            assertThat(copy).usingRecursiveComparison().ignoringFields("payload").isEqualTo(
                    new PeerCopyRow("m-1", "d-1", "310000", "port-copy", PeerCopyRow.seal("m-1", "{}"), T0));
            assertThat(copy.document()).isEqualTo("{\"b\":1}");
        });
    }

    @Test
    void peer_copies_should_be_sealed_with_sm4_in_the_database_and_open_for_the_mapper() {
        peerCopies.insert(new PeerCopyRow("m-1", "d-1", "310000", "port-copy", PeerCopyRow.seal("m-1",
                "{\"b\":\"提运单\"}"), T0));
        assertThat(new JdbcTemplate(dataSource).queryForObject("select payload from peer_copy", String.class))
                .startsWith("sm4gcm:test-2026:").doesNotContain("提运单");
        assertThat(peerCopies.latest(1).get(0).document()).isEqualTo("{\"b\":\"提运单\"}");
    }

    @Test
    void peer_copies_should_be_pruned_after_their_retention_once_the_handler_registered_them() {
        Duration day = Duration.ofDays(1);
        peerCopies.insert(new PeerCopyRow("old", "d-1", "310000", "r", PeerCopyRow.seal("old", "{}"),
                T0.minus(day.multipliedBy(200))));
        peerCopies.insert(new PeerCopyRow("new", "d-2", "310000", "r", PeerCopyRow.seal("new", "{}"), T0));
        RetentionProperties keep = new RetentionProperties(Duration.ofHours(1), day.multipliedBy(30),
                day.multipliedBy(180), day, 1);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Retention retention = new Retention(keep, clock);
        new PeerCopyHandler(peerCopies, new EnvelopeCodec(), clock, retention, keep);
        assertThat(retention.prune()).containsEntry("peer_copy", 1);
        assertThat(peerCopies.latest(10)).extracting(PeerCopyRow::messageId).containsExactly("new");
    }
}
