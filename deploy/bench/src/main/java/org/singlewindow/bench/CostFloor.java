package org.singlewindow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;

/**
 * The least CPU a declaration's loop can cost, from the work it cannot skip: each broker message it needs costs at
 * least one bare broker message ({@link RawArtemisBench}, which reports its own CPU time per message), each signature
 * at least one CMS/SM2 signing, each verification at least one CMS/SM2 verification (measured here on this machine,
 * one thread, with central's key, a fresh signature each time). HTTP, the database, JSON and the nodes' own code come
 * on top and are left out, so the floor is low, never high. With it the benchmark prints the best ratio the loop
 * could reach on this machine: all its cores busy at the floor, against the bare broker's measured rate.
 */
final class CostFloor {

    private static final int ROUNDS = 1000;

    /** CPU milliseconds per CMS signing and per CMS verification. */
    record Crypto(double signMs, double verifyMs) {
    }

    private CostFloor() {
    }

    static Crypto crypto(Path pki, int contentSize) throws IOException, CmsSignatures.Refused {
        PrivateKey key = Pem.privateKey(Files.readString(pki.resolve("nodes/central-key.pem")));
        X509Certificate certificate = Pem.certificate(Files.readString(pki.resolve("nodes/central.pem")));
        X509Certificate root = Pem.certificate(Files.readString(pki.resolve("ca.pem")));
        X509CRL crl = Pem.crl(Files.readString(pki.resolve("crl.pem")));
        byte[] content = new byte[contentSize];
        Arrays.fill(content, (byte) 'x');
        byte[][] signatures = new byte[ROUNDS * 2][];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Instant now = Instant.now();
        for (int i = 0; i < ROUNDS; i++) { // warm-up: the first half, signed and verified, not counted
            content[0] = (byte) i;
            signatures[i] = CmsSignatures.signDetached(content, key, certificate, now);
            CmsSignatures.verifyDetached(signatures[i], content, root, crl, now);
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = ROUNDS; i < 2 * ROUNDS; i++) {
            content[0] = (byte) i;
            content[1] = (byte) (i >> 8);
            signatures[i] = CmsSignatures.signDetached(content, key, certificate, now);
        }
        long signed = threads.getCurrentThreadCpuTime();
        for (int i = ROUNDS; i < 2 * ROUNDS; i++) {
            content[0] = (byte) i;
            content[1] = (byte) (i >> 8);
            CmsSignatures.verifyDetached(signatures[i], content, root, crl, now); // new each time
        }
        long verified = threads.getCurrentThreadCpuTime();
        return new Crypto((signed - start) / 1e6 / ROUNDS, (verified - signed) / 1e6 / ROUNDS);
    }

    /**
     * The floor line: per declaration, the loop's broker messages, signatures made and verifications (all nodes, as
     * counted in the run) at their least cost, and the best ratio that allows; then the same with the CPU the
     * ministries' stand-ins (the WireMock simulators, {@code standInsMs} per declaration as measured in the run)
     * took on this machine's cores, which a ratio measured here cannot leave out.
     */
    static String line(RawArtemisBench.Result raw, Crypto crypto, NodeWork.Totals work, double standInsMs) {
        double floor = work.brokerMessages() * raw.cpuMsPerMessage() + work.signaturesMade() * crypto.signMs()
                + work.signaturesVerified() * crypto.verifyMs();
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "floor cpu_ms bare_broker_message=%.3f cms_sign=%.3f cms_verify=%.3f "
                        + "per_declaration broker_messages=%.1f signatures_made=%.1f signatures_verified=%.1f "
                        + "floor_ms=%.1f best_ratio_on_%d_cores=%.3f (HTTP, database and JSON not counted); "
                        + "with the ministry stand-ins' measured cpu_ms=%.1f: floor_ms=%.1f best_ratio=%.3f",
                raw.cpuMsPerMessage(), crypto.signMs(), crypto.verifyMs(), work.brokerMessages(),
                work.signaturesMade(), work.signaturesVerified(), floor, cores, bestRatio(cores, floor, raw),
                standInsMs, floor + standInsMs, bestRatio(cores, floor + standInsMs, raw));
    }

    /** Declarations per second with every core busy at {@code floorMs} each, against the bare broker's rate. */
    private static double bestRatio(int cores, double floorMs, RawArtemisBench.Result raw) {
        return cores * 1000.0 / floorMs / raw.perSecond();
    }
}
