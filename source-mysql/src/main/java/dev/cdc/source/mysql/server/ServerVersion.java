package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flavour and version of the server, from its {@code version} variable ({@code 8.0.36},
 * {@code 10.11.19-MariaDB-0+deb12u1-log}, and the old replication prefix
 * {@code 5.5.5-10.11.6-MariaDB}).
 */
public record ServerVersion(ServerFlavor flavor, int major, int minor, int patch, String text) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final String MARIADB_REPLICATION_PREFIX = "5.5.5-";

    public ServerVersion {
        requireNonNull(flavor, "flavor is null");
        requireNonNull(text, "text is null");
    }

    /**
     * Parses a {@code version} value; {@code versionComment} (may be null) helps recognise
     * MariaDB builds that do not say so in the version itself.
     *
     * @throws IllegalArgumentException when no {@code major.minor.patch} is in the text
     */
    public static ServerVersion parse(String version, String versionComment) {
        requireNonNull(version, "version is null");
        String lower = (version + " " + (versionComment == null ? "" : versionComment)).toLowerCase(Locale.ROOT);
        ServerFlavor flavor = lower.contains("mariadb") ? ServerFlavor.MARIADB : ServerFlavor.MYSQL;
        String numbers = flavor == ServerFlavor.MARIADB && version.startsWith(MARIADB_REPLICATION_PREFIX)
                ? version.substring(MARIADB_REPLICATION_PREFIX.length()) : version;
        Matcher matcher = VERSION.matcher(numbers);
        if (!matcher.find()) {
            throw new IllegalArgumentException("server version '" + version + "' has no major.minor.patch number");
        }
        return new ServerVersion(flavor, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), version);
    }

    public boolean isMariaDb() {
        return flavor == ServerFlavor.MARIADB;
    }

    public boolean isAtLeast(int otherMajor, int otherMinor, int otherPatch) {
        if (major != otherMajor) {
            return major > otherMajor;
        }
        if (minor != otherMinor) {
            return minor > otherMinor;
        }
        return patch >= otherPatch;
    }

    /** {@code binlog_row_metadata} exists from MariaDB 10.5.0 and MySQL 8.0.1. */
    public boolean hasRowMetadata() {
        return isMariaDb() ? isAtLeast(10, 5, 0) : isAtLeast(8, 0, 1);
    }

    @Override
    public String toString() {
        return flavor.displayName() + " " + major + "." + minor + "." + patch;
    }
}
