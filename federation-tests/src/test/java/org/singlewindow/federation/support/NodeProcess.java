package org.singlewindow.federation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A node running as a process of its own (a separate JVM, started from the test class path with the node's main
 * class), so that it can really be killed: {@link #kill()} sends SIGKILL ({@code kill -9}), no shutdown hook runs,
 * nothing is flushed. Its output goes to {@code <log>}. Started again with the same arguments, it finds its data
 * directory as the killed process left it.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final List<String> program;
    private final List<String> arguments;
    private final Path log;
    private final String healthUrl;
    private Process process;

    public NodeProcess(String name, Class<?> mainClass, List<String> arguments, Path log, String baseUrl) {
        this(name, List.of("-cp", classPath(), mainClass.getName()), arguments, log, baseUrl);
    }

    private NodeProcess(String name, List<String> program, List<String> arguments, Path log, String baseUrl) {
        this.name = name;
        this.program = List.copyOf(program);
        this.arguments = List.copyOf(arguments);
        this.log = log;
        this.healthUrl = baseUrl + "/actuator/health";
    }

    /** A Spring Boot application run from its executable jar (e.g. the gateway, which is not on the test class path). */
    /** Where the process writes its log. */
    public Path log() {
        return log;
    }

    public static NodeProcess jar(String name, Path jar, List<String> arguments, Path log, String baseUrl) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor packages it before these tests run");
        }
        return new NodeProcess(name, List.of("-jar", jar.toString()), arguments, log, baseUrl);
    }

    /** Starts the process and waits until the node answers its health check (at most two minutes). */
    public NodeProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(program);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await(name + " healthy (see " + log + ")").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return http.send(HttpRequest.newBuilder(URI.create(healthUrl)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
        return this;
    }

    /**
     * {@code kill -9}: the process dies at once, in whatever it was doing ({@link Process#destroyForcibly()} sends
     * SIGKILL on Linux).
     */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** The test class path (surefire passes it in a manifest-only jar; its real list is in this property). */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
    }
}
