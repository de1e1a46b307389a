package dev.cdc.launcher.quickstart;

import java.time.Duration;

/**
 * One line of progress: {@code [##########----------]  45,000/100,000 rows  45%  12,300 rows/s  ETA 4s}.
 * Pure formatting; the caller measures.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    /**
     * @param done          units done so far
     * @param total         units expected in all (0 when unknown)
     * @param ratePerSecond current rate
     */
    public static String render(String label, long done, long total, double ratePerSecond) {
        long shown = total > 0 ? Math.min(done, total) : done;
        double fraction = total > 0 ? (double) shown / total : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder line = new StringBuilder();
        line.append(label).append(" [").append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        line.append(String.format("%,d/%,d rows %3d%%  %,.0f rows/s", shown, total, Math.round(fraction * 100), ratePerSecond));
        line.append("  ETA ").append(eta(total - shown, ratePerSecond));
        return line.toString();
    }

    /** Remaining time at the given rate: "4s", "2m05s", or "?" when nothing moves. */
    static String eta(long remaining, double ratePerSecond) {
        if (remaining <= 0) {
            return "0s";
        }
        if (ratePerSecond <= 0) {
            return "?";
        }
        Duration eta = Duration.ofSeconds((long) Math.ceil(remaining / ratePerSecond));
        return eta.toMinutes() > 0 ? String.format("%dm%02ds", eta.toMinutes(), eta.toSecondsPart()) : eta.toSeconds() + "s";
    }
}
