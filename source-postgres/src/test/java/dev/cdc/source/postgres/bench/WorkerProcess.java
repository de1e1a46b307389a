package dev.cdc.source.postgres.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Connect worker's JVM seen from outside, as {@code top} and {@code jstat} would: resident
 * memory ({@code VmRSS} every 500 ms, {@code VmHWM}), CPU time per phase ({@code /proc/<pid>/stat}),
 * the machine's load average, and the heap ({@code jstat -gc <pid> 1000}, which reads the JVM's
 * perf data and costs the worker nothing; {@code jcmd GC.heap_info} at the end of a phase).
 *
 * <p>A daemon thread samples memory and load; a second one reads jstat's output. Both write the
 * peaks under this object's lock; the benchmark thread reads them.
 */
final class WorkerProcess implements AutoCloseable {
    private static final Pattern HEAP_INFO = Pattern.compile("total (\\d+)K, used (\\d+)K");
    /** {@code USER_HZ}: the unit of utime and stime in {@code /proc/<pid>/stat}, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private final Thread sampler = new Thread(this::sampleMemoryAndLoad, "bench-worker-sampler");
    private Process jstat;

    private long runPeakRssKb;
    private double runPeakLoad;
    private long phasePeakRssKb;
    private double phasePeakLoad;
    private long phaseStartTicks;
    private long phaseStartNanos;
    private double heapPeakUsedKb;
    private double heapPeakCommittedKb;
    private double gcSecondsFirst = -1;
    private double gcSecondsLast;

    private WorkerProcess(long pid) {
        this.pid = pid;
    }

    /** Starts watching the worker whose pid the file holds. */
    static WorkerProcess watch(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            throw new IllegalStateException("the Connect worker " + pid + " of " + pidFile + " is not running; bin/cdc stack up");
        }
        WorkerProcess worker = new WorkerProcess(pid);
        worker.startPhase();
        worker.sampler.setDaemon(true);
        worker.sampler.start();
        worker.startJstat();
        return worker;
    }

    long pid() {
        return pid;
    }

    /** The worker's last {@code -Xmx} argument, or {@code ?}. */
    String maxHeapArgument() {
        try {
            String[] arguments = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0");
            return Arrays.stream(arguments).filter(argument -> argument.startsWith("-Xmx")).reduce((first, second) -> second).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Starts a phase: CPU time, peak RSS and peak load are counted from now. */
    synchronized void startPhase() {
        phasePeakRssKb = statusKb("VmRSS");
        phasePeakLoad = loadAverage();
        phaseStartTicks = cpuTicks();
        phaseStartNanos = System.nanoTime();
    }

    /** Ends the phase started last. */
    synchronized Phase endPhase() {
        double seconds = (System.nanoTime() - phaseStartNanos) / 1e9;
        double cpuSeconds = (cpuTicks() - phaseStartTicks) / TICKS_PER_SECOND;
        return new Phase(seconds <= 0 ? 0 : cpuSeconds / seconds, phasePeakRssKb, phasePeakLoad, loadAverage(), heapInfo());
    }

    /** The highest {@code VmRSS} sampled since {@link #watch}. */
    synchronized long peakRssKb() {
        return runPeakRssKb;
    }

    synchronized double peakLoad() {
        return runPeakLoad;
    }

    /** {@code VmHWM}: the worker's peak resident memory since it started. */
    long highWaterMarkKb() {
        return statusKb("VmHWM");
    }

    /** Peak heap used and committed and the GC time since {@link #watch}, from jstat. */
    synchronized String heapSummary() {
        if (gcSecondsFirst < 0) {
            return "jstat gave no sample";
        }
        return String.format("heap peak %,d MiB used of %,d MiB committed (jstat -gc every second); GC time %.1f s",
                Math.round(heapPeakUsedKb / 1024), Math.round(heapPeakCommittedKb / 1024), gcSecondsLast - gcSecondsFirst);
    }

    /** Heap used and committed now, from {@code jcmd <pid> GC.heap_info}. */
    String heapInfo() {
        try {
            Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(20, TimeUnit.SECONDS);
            Matcher matcher = HEAP_INFO.matcher(output);
            return matcher.find() ? String.format("%,d MiB used of %,d MiB", Long.parseLong(matcher.group(2)) / 1024,
                    Long.parseLong(matcher.group(1)) / 1024) : "jcmd: " + output.lines().findFirst().orElse("no output");
        } catch (IOException e) {
            return "jcmd: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd: interrupted";
        }
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String loadAverages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void sampleMemoryAndLoad() {
        while (!Thread.currentThread().isInterrupted()) {
            long rss = statusKb("VmRSS");
            double load = loadAverage();
            synchronized (this) {
                runPeakRssKb = Math.max(runPeakRssKb, rss);
                phasePeakRssKb = Math.max(phasePeakRssKb, rss);
                runPeakLoad = Math.max(runPeakLoad, load);
                phasePeakLoad = Math.max(phasePeakLoad, load);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void startJstat() {
        try {
            jstat = new ProcessBuilder(javaTool("jstat"), "-gc", Long.toString(pid), "1000").redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("[bench] no jstat, no heap figures: " + e.getMessage());
            return;
        }
        Thread reader = new Thread(this::readJstat, "bench-worker-jstat");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads jstat's table: a header line (S0C S1C S0U S1U EC EU OC OU ... GCT) and one line of numbers a second. */
    private void readJstat() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = List.of();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> fields = List.of(line.trim().split("\\s+"));
                if (fields.contains("GCT")) {
                    header = fields;
                } else if (!header.isEmpty() && fields.size() == header.size()) {
                    record(header, fields);
                }
            }
        } catch (IOException | RuntimeException e) {
            // jstat ends with the worker or with close()
        }
    }

    private synchronized void record(List<String> header, List<String> fields) {
        double used = column(header, fields, "S0U") + column(header, fields, "S1U") + column(header, fields, "EU")
                + column(header, fields, "OU");
        double committed = column(header, fields, "S0C") + column(header, fields, "S1C") + column(header, fields, "EC")
                + column(header, fields, "OC");
        heapPeakUsedKb = Math.max(heapPeakUsedKb, used);
        heapPeakCommittedKb = Math.max(heapPeakCommittedKb, committed);
        gcSecondsLast = column(header, fields, "GCT");
        if (gcSecondsFirst < 0) {
            gcSecondsFirst = gcSecondsLast;
        }
    }

    private static double column(List<String> header, List<String> fields, String name) {
        int index = header.indexOf(name);
        return index < 0 || "-".equals(fields.get(index)) ? 0 : Double.parseDouble(fields.get(index));
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** utime + stime of the worker, in clock ticks (fields 14 and 15 of {@code /proc/<pid>/stat}). */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(afterName[11]) + Long.parseLong(afterName[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    @Override
    public void close() {
        sampler.interrupt();
        if (jstat != null) {
            jstat.destroy();
        }
    }

    /** What one phase cost the worker and the machine. */
    record Phase(double workerCores, long peakRssKb, double peakLoad, double endLoad, String heapAtEnd) {
        String describe() {
            return String.format("worker CPU %.2f cores, worker RSS peak %,d MiB, heap at the end %s; load average (1 min) peak %.2f,"
                    + " at the end %.2f", workerCores, peakRssKb / 1024, heapAtEnd, peakLoad, endLoad);
        }
    }
}
