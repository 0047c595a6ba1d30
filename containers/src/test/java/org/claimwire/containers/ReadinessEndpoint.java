package org.claimwire.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits, like a Kubernetes readiness probe, until GET path answers 200 on a port published on 127.0.0.1
 * (the container's own port bindings, which Testcontainers' mapped-port lookups do not manage here).
 */
final class ReadinessEndpoint extends AbstractWaitStrategy {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int hostPort;
    private final String path;

    ReadinessEndpoint(int hostPort, String path) {
        this.hostPort = hostPort;
        this.path = path;
    }

    @Override
    protected void waitUntilReady() {
        await(hostPort, path, startupTimeout,
                () -> runningOrRestarting(waitStrategyTarget.getCurrentContainerInfo().getState()));
    }

    /** Alive, or exited and about to be started again by its restart policy. */
    static boolean runningOrRestarting(InspectContainerResponse.ContainerState state) {
        return Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getRestarting());
    }

    static void await(int hostPort, String path, Duration timeout, BooleanSupplier running) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!running.getAsBoolean()) {
                throw new ContainerLaunchException("container exited for good before " + path + " answered 200 ("
                        + last + ")");
            }
            int status = status(hostPort, path);
            if (status == 200) {
                return;
            }
            last = status < 0 ? "no answer" : "HTTP " + status;
            sleep(1_000);
        }
        throw new ContainerLaunchException(path + " on 127.0.0.1:" + hostPort + " not ready after " + timeout
                + " (" + last + ")");
    }

    static int status(int hostPort, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
