package dev.cdc.sink.jdbc.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of tombstone tables: {@code <table>__cdc_deletes}, next to the table. A name longer than the
 * database allows keeps the start of the table name and ends in 8 hex digits of its SHA-256, so
 * two long names stay apart.
 */
public final class TombstoneTables {
    public static final String SUFFIX = "__cdc_deletes";
    static final int HASH_CHARACTERS = 8;

    private TombstoneTables() {
    }

    public static TableRef of(TableRef table, int maxIdentifierLength) {
        String name = table.name() + SUFFIX;
        if (name.length() <= maxIdentifierLength) {
            return table.sibling(name);
        }
        String hash = sha256(table.name()).substring(0, HASH_CHARACTERS);
        int keep = maxIdentifierLength - SUFFIX.length() - HASH_CHARACTERS - 1;
        return table.sibling(table.name().substring(0, keep) + "_" + hash + SUFFIX);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
