package org.singlewindow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Baseline: a bare embedded Artemis broker with a persistent journal (the nodes' default settings), in this
 * process; {@code concurrency} producers send persistent messages of the given size, one consumer receives them.
 * Returns messages per second from the first send to the last receive, and this process's CPU time per message
 * meanwhile (broker and clients together; nothing else runs in the benchmark's JVM then).
 */
final class RawArtemisBench {

    private RawArtemisBench() {
    }

    /** Messages per second, and CPU milliseconds per message. */
    record Result(double perSecond, double cpuMsPerMessage) {
    }

    static Result measure(int messages, int concurrency, int size) throws Exception {
        Path dir = Files.createTempDirectory("sw-raw-artemis-");
        Configuration config = new ConfigurationImpl().setName("raw-bench").setPersistenceEnabled(true)
                .setSecurityEnabled(false).setJMXManagementEnabled(false)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .addAcceptorConfiguration("invm", "vm://77");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        try (Connection connection = new ActiveMQConnectionFactory("vm://77").createConnection()) {
            connection.start();
            byte[] payload = new byte[size];
            Arrays.fill(payload, (byte) 'x');
            String text = new String(payload);
            CountDownLatch received = new CountDownLatch(messages);
            Session consumerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = consumerSession.createQueue("raw.bench");
            MessageConsumer consumer = consumerSession.createConsumer(queue);
            consumer.setMessageListener(m -> received.countDown());
            ExecutorService producers = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            long cpuAtStart = processCpuNanos();
            for (int p = 0; p < concurrency; p++) {
                int share = messages / concurrency + (p < messages % concurrency ? 1 : 0);
                producers.submit(() -> {
                    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                        MessageProducer producer = session.createProducer(session.createQueue("raw.bench"));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        for (int i = 0; i < share; i++) {
                            producer.send(session.createTextMessage(text));
                        }
                    }
                    return null;
                });
            }
            received.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (processCpuNanos() - cpuAtStart) / 1e6;
            producers.shutdown();
            return new Result(messages / seconds, cpuMs / messages);
        } finally {
            broker.stop();
            delete(dir);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
