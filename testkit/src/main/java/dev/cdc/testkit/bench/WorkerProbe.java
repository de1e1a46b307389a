package dev.cdc.testkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the Connect worker's JVM from outside: resident memory ({@code /proc/<pid>/status}
 * {@code VmRSS}, {@code VmHWM}) and CPU time ({@code /proc/<pid>/stat}) sampled every 500 ms on a
 * daemon thread, the load average, and the heap through {@code jcmd <pid> GC.heap_info} on request.
 */
public final class WorkerProbe implements AutoCloseable {
    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final long pid;
    private final Thread sampler;
    private volatile boolean running = true;
    private Process jstat;

    private double runMaxHeapUsedKb;
    private double runMaxHeapCommittedKb;
    private double gcSecondsAtStart = -1;
    private double gcSecondsLast = -1;

    private long phaseMaxRssKb;
    private double phaseMaxLoad;
    private long runMaxRssKb;
    private double runMaxLoad;
    private long phaseStartTicks;
    private long phaseStartNanos;

    private WorkerProbe(long pid) {
        this.pid = pid;
        this.sampler = new Thread(this::sample, "bench-worker-probe");
        this.sampler.setDaemon(true);
    }

    public static WorkerProbe start(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        if (!Files.exists(Path.of("/proc/" + pid))) {
            throw new IllegalStateException("the Connect worker pid " + pid + " of " + pidFile + " is not running");
        }
        WorkerProbe probe = new WorkerProbe(pid);
        probe.startPhase();
        probe.sampler.start();
        probe.startJstat();
        return probe;
    }

    /**
     * {@code jstat -gc <pid> 1000} on a daemon thread: heap used (survivors + eden + old) and
     * committed every second, and the GC time; it reads the JVM's perf data, so it costs the
     * worker nothing.
     */
    private void startJstat() {
        Path command = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            jstat = new ProcessBuilder(command.toString(), "-gc", String.valueOf(pid), "1000").redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("[bench] jstat not available: " + e.getMessage());
            return;
        }
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                java.util.List<String> header = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] fields = line.trim().split("\\s+");
                    if (line.contains("EU")) {
                        header = java.util.List.of(fields);
                        continue;
                    }
                    if (header == null || fields.length != header.size()) {
                        continue;
                    }
                    double used = value(header, fields, "S0U") + value(header, fields, "S1U") + value(header, fields, "EU")
                            + value(header, fields, "OU");
                    double committed = value(header, fields, "S0C") + value(header, fields, "S1C") + value(header, fields, "EC")
                            + value(header, fields, "OC");
                    double gc = value(header, fields, "GCT");
                    synchronized (this) {
                        runMaxHeapUsedKb = Math.max(runMaxHeapUsedKb, used);
                        runMaxHeapCommittedKb = Math.max(runMaxHeapCommittedKb, committed);
                        if (gcSecondsAtStart < 0) {
                            gcSecondsAtStart = gc;
                        }
                        gcSecondsLast = gc;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the sampler ends with the process
            }
        }, "bench-jstat");
        reader.setDaemon(true);
        reader.start();
    }

    private static double value(java.util.List<String> header, String[] fields, String column) {
        int index = header.indexOf(column);
        return index < 0 ? 0 : Double.parseDouble(fields[index]);
    }

    /** Peak heap used and committed (MiB) and GC seconds during the run, from jstat; or a reason. */
    public synchronized String heapDuringRun() {
        if (gcSecondsAtStart < 0) {
            return "jstat gave no sample";
        }
        return String.format("heap peak %d MiB used, %d MiB committed (jstat -gc every 1 s); GC time during the run %.1f s",
                Math.round(runMaxHeapUsedKb / 1024), Math.round(runMaxHeapCommittedKb / 1024), gcSecondsLast - gcSecondsAtStart);
    }

    public long pid() {
        return pid;
    }

    /** The worker's {@code -Xmx} from its command line, or "?" */
    public String maxHeapFlag() {
        try {
            String[] args = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).split("\0");
            String found = "?";
            for (String arg : args) {
                if (arg.startsWith("-Xmx")) {
                    found = arg;
                }
            }
            return found;
        } catch (IOException e) {
            return "?";
        }
    }

    private void sample() {
        while (running) {
            long rss = statusKb("VmRSS");
            double load = loadAverage1();
            synchronized (this) {
                phaseMaxRssKb = Math.max(phaseMaxRssKb, rss);
                runMaxRssKb = Math.max(runMaxRssKb, rss);
                phaseMaxLoad = Math.max(phaseMaxLoad, load);
                runMaxLoad = Math.max(runMaxLoad, load);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts a phase: CPU time, peak RSS and peak load are measured from now. */
    public synchronized void startPhase() {
        phaseMaxRssKb = statusKb("VmRSS");
        phaseMaxLoad = loadAverage1();
        phaseStartTicks = cpuTicks();
        phaseStartNanos = System.nanoTime();
    }

    /** Ends a phase. */
    public synchronized Phase endPhase() {
        long ticks = cpuTicks() - phaseStartTicks;
        double seconds = (System.nanoTime() - phaseStartNanos) / 1e9;
        double cores = seconds <= 0 ? 0 : (ticks / (double) CLOCK_TICKS_PER_SECOND) / seconds;
        return new Phase(cores, phaseMaxRssKb, phaseMaxLoad, loadAverage1(), heapInfo());
    }

    public synchronized long runMaxRssKb() {
        return runMaxRssKb;
    }

    public synchronized double runMaxLoad() {
        return runMaxLoad;
    }

    /** {@code VmHWM}: the worker's peak resident memory since it started. */
    public long highWaterMarkKb() {
        return statusKb("VmHWM");
    }

    /** {@code used/committed} heap in MiB from {@code jcmd GC.heap_info}, or a reason. */
    public String heapInfo() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(20, TimeUnit.SECONDS);
            Matcher matcher = HEAP.matcher(output);
            if (matcher.find()) {
                return (Long.parseLong(matcher.group(2)) / 1024) + " MiB used of " + (Long.parseLong(matcher.group(1)) / 1024) + " MiB committed";
            }
            return "jcmd: " + output.strip().lines().findFirst().orElse("no output");
        } catch (IOException e) {
            return "jcmd: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd: interrupted";
        }
    }

    public static double loadAverage1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public static String loadAverages() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** utime + stime of the worker process, in clock ticks. */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        if (jstat != null) {
            jstat.destroy();
        }
    }

    /** What one phase cost the worker and the machine. */
    public record Phase(double workerCores, long maxRssKb, double maxLoad1, double endLoad1, String heap) {
        public String describe() {
            return String.format("worker CPU %.2f cores, worker RSS peak %d MiB, heap at end %s, load average (1 min) peak %.2f, at end %.2f",
                    workerCores, maxRssKb / 1024, heap, maxLoad1, endLoad1);
        }
    }
}
