package org.singlewindow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * CPU time of the federation's processes over a run, read from Linux's {@code /proc/<pid>/stat} (user + system
 * time, in clock ticks of 10 ms): given as {@code name=pid,name=pid,...} (bench.sh passes its pid files), it reads
 * each process at the start and prints {@code cpu_ms_per_declaration name=X ...} at the end.
 */
final class NodeCpu {

    private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final Map<String, Double> measured = new LinkedHashMap<>();

    private NodeCpu(Map<String, Long> pids) {
        this.pids.putAll(pids);
        pids.forEach((name, pid) -> ticksAtStart.put(name, ticks(pid)));
    }

    static NodeCpu fromProperty(String value) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            String[] nameAndPid = pair.split("=");
            if (nameAndPid.length == 2) {
                pids.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim()));
            }
        }
        return new NodeCpu(pids);
    }

    /** CPU milliseconds per declaration of each process since the start. */
    String perDeclaration(int declarations) {
        StringJoiner line = new StringJoiner(" ", "cpu_ms_per_declaration ", "");
        double total = 0;
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            double ms = (ticks(p.getValue()) - ticksAtStart.get(p.getKey())) * MS_PER_TICK / declarations;
            total += ms;
            measured.put(p.getKey(), ms);
            line.add(String.format(Locale.ROOT, "%s=%.1f", p.getKey(), ms));
        }
        return line.add(String.format(Locale.ROOT, "total=%.1f", total)).toString();
    }

    /** What {@link #perDeclaration} measured for process {@code name}: CPU ms per declaration, 0 if not given. */
    double measured(String name) {
        return measured.getOrDefault(name, 0.0);
    }

    /** utime + stime of a process (fields 14 and 15 of its stat line, after the parenthesized command name). */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + ": " + e, e);
        }
    }
}
