package org.singlewindow.federation.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.singlewindow.central.CentralNodeApplication;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.FinalOnce;
import org.singlewindow.federation.support.NodeProcess;
import org.singlewindow.provincial.ProvincialNodeApplication;

import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Nothing lost, nothing twice, with real crashes: central and Shanghai run as processes of their own on the embedded
 * defaults (embedded Artemis, H2 files), and are killed with {@code kill -9} right after Shanghai answered 202s,
 * while receipts arrive, and (central) in the middle of the stream; each is started again on the data it left. Every
 * declaration that got a 202 must reach its final status, and exactly once: one final status event, each receipt
 * once, one declaration at central, and every call a ministry received for it carrying the same message id (a call
 * repeated after a crash is the same request, which the ministry can recognize). The same for amendments killed
 * between their 202 and their answer: each approved and applied once at both nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("heavy")
class CrashTest {

    private static final int N = 20;

    private Federation federation;
    private FinalOnce stream;
    private NodeProcess central;
    private NodeProcess shanghai;

    /** Under target/, so that the nodes' logs stay for a look after a failure. */
    @BeforeAll
    void start() throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(Path.of("target").toAbsolutePath()),
                "crash-test-");
        federation = Federation.prepare(dir);
        stream = new FinalOnce(federation);
        central = new NodeProcess("central", CentralNodeApplication.class, federation.centralArguments(),
                dir.resolve("logs/central.log"), federation.centralUrl()).start();
        shanghai = new NodeProcess("310000", ProvincialNodeApplication.class, federation.provinceArguments(SH),
                dir.resolve("logs/310000.log"), federation.url(SH)).start();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[]{shanghai, central, federation}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // go on closing the others
            }
        }
    }

    @Test
    @Order(1)
    void a_province_killed_right_after_its_202s_should_bring_every_declaration_to_one_final_status() {
        List<String> ids = stream.submit(N);
        shanghai.kill();
        shanghai.start();
        stream.assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(2)
    void a_province_killed_while_receipts_arrive_should_bring_every_declaration_to_one_final_status() {
        List<String> ids = stream.submit(N);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> stream.status(id).equals("COMPLETED")));
        shanghai.kill();
        shanghai.start();
        stream.assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(3)
    void central_killed_mid_stream_should_lose_and_duplicate_nothing() {
        List<String> ids = stream.submit(N);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> !stream.status(id).equals("RECEIVED")));
        central.kill();
        List<String> more = stream.submit(5);
        central.start();
        ids.addAll(more);
        stream.assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(4)
    void a_province_killed_right_after_amendment_202s_should_apply_each_amendment_exactly_once() {
        List<String> ids = stream.submit(5);
        stream.assertAllFinalExactlyOnce(ids);
        List<String> changes = stream.amend(ids);
        shanghai.kill();
        shanghai.start();
        stream.assertAmendedExactlyOnce(ids, changes);
    }

    @Test
    @Order(5)
    void central_killed_between_amendments_and_their_answers_should_apply_each_amendment_exactly_once() {
        List<String> ids = stream.submit(5);
        stream.assertAllFinalExactlyOnce(ids);
        List<String> changes = stream.amend(ids);
        central.kill();
        central.start();
        stream.assertAmendedExactlyOnce(ids, changes);
    }
}
