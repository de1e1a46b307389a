package dev.cdc.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops, kills and restarts the local stack's services the way an operator (or a crash) would:
 * SIGKILL by the pid file, restarts through {@code bin/cdc stack}. Only for the local stack.
 */
final class StackControl {
    private final Path home;

    StackControl(Path home) {
        this.home = home;
    }

    static StackControl fromSystemProperty() {
        String home = System.getProperty("cdc.home");
        if (home == null) {
            throw new IllegalStateException("system property cdc.home (the repository root) is not set; run the test through Maven");
        }
        return new StackControl(Path.of(home));
    }

    /** SIGKILL of the Connect worker: no shutdown hook, no offset flush, no task stop. */
    void killConnectWorker() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(stackHome().resolve("connect/run/connect.pid")).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Connect worker pid " + pid + " is not running"));
        run(List.of("kill", "-9", String.valueOf(pid)));
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("Connect worker pid " + pid + " did not die after SIGKILL", e);
        }
    }

    void start(String service) throws IOException, InterruptedException {
        run(List.of(home.resolve("bin/cdc").toString(), "stack", "up", service));
    }

    void restart(String service) throws IOException, InterruptedException {
        run(List.of(home.resolve("bin/cdc").toString(), "stack", "restart", service));
    }

    private Path stackHome() {
        String custom = System.getenv("CDC_STACK_HOME");
        return custom == null || custom.isBlank() ? home.resolve(".stack") : Path.of(custom);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
