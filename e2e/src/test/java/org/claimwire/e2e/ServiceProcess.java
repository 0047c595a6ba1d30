package org.claimwire.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged Claimwire service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as a real
 * operating-system process, so tests can kill it (SIGKILL) and start it again.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final String name;
    private final Path jar;
    private final Path logFile;
    private final int port;
    private final Map<String, String> config;
    private final List<String> jvmOptions;
    private Process process;

    public ServiceProcess(String module, Path root, Path logDir, Map<String, String> config, List<String> jvmOptions) {
        this(module, root, logDir, config, jvmOptions, module);
    }

    /** {@code name} tells apart several instances of one module (log file, messages). */
    public ServiceProcess(String module, Path root, Path logDir, Map<String, String> config, List<String> jvmOptions,
            String name) {
        this.module = module;
        this.name = name;
        this.jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.logFile = logDir.resolve(name + ".log");
        this.port = freePort();
        this.config = new LinkedHashMap<>(config);
        this.config.put("quarkus.http.port", String.valueOf(port));
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn -B install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} answers 200 (or {@code /q/health/started} when only started is wanted). */
    public ServiceProcess awaitReady(Duration timeout) {
        return awaitHealth("/q/health/ready", timeout);
    }

    public ServiceProcess awaitStarted(Duration timeout) {
        return awaitHealth("/q/health/started", timeout);
    }

    private ServiceProcess awaitHealth(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            lastStatus = status(path);
            if (lastStatus == 200) {
                return this;
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not healthy on " + path + " after " + timeout + " (last status "
                + lastStatus + "); see " + logFile);
    }

    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hooks, no offset commits, nothing flushed. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM and wait: a graceful stop. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
