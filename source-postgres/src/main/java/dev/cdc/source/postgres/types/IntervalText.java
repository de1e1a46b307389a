package dev.cdc.source.postgres.types;

/**
 * Parses PostgreSQL's default interval output ({@code IntervalStyle=postgres}), e.g.
 * {@code 1 year 2 mons -3 days +04:05:06.789}, into Debezium's {@code MicroDuration}: microseconds,
 * counting a month as 365.25 / 12 = 30.4375 days, as Debezium's PostgreSQL connector does.
 */
final class IntervalText {
    /** Average days per month Debezium uses for intervals. */
    static final double DAYS_PER_MONTH = 365.25 / 12;

    private IntervalText() {
    }

    static long micros(String text) {
        long years = 0;
        long months = 0;
        long days = 0;
        long timeMicros = 0;
        String[] tokens = text.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.indexOf(':') >= 0) {
                timeMicros = clockMicros(token);
                continue;
            }
            if (i + 1 >= tokens.length) {
                throw new IllegalArgumentException("interval '" + text + "': number '" + token + "' without a unit");
            }
            long amount = Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
            String unit = tokens[++i];
            if (unit.startsWith("year")) {
                years += amount;
            } else if (unit.startsWith("mon")) {
                months += amount;
            } else if (unit.startsWith("day")) {
                days += amount;
            } else {
                throw new IllegalArgumentException("interval '" + text + "': unknown unit '" + unit
                        + "'; the connector expects IntervalStyle=postgres");
            }
        }
        double totalDays = (years * 12 + months) * DAYS_PER_MONTH + days;
        return Math.round(totalDays * 86_400_000_000.0) + timeMicros;
    }

    /** {@code [+-]HH:MM:SS[.ffffff]}, hours may exceed 24. */
    private static long clockMicros(String token) {
        int sign = token.startsWith("-") ? -1 : 1;
        String body = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
        String[] parts = body.split(":");
        long hours = Long.parseLong(parts[0]);
        long minutes = Long.parseLong(parts[1]);
        String secondsText = parts.length > 2 ? parts[2] : "0";
        int dot = secondsText.indexOf('.');
        long seconds = Long.parseLong(dot < 0 ? secondsText : secondsText.substring(0, dot));
        long fraction = 0;
        if (dot >= 0) {
            String digits = (secondsText.substring(dot + 1) + "000000").substring(0, 6);
            fraction = Long.parseLong(digits);
        }
        return sign * (((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + fraction);
    }
}
