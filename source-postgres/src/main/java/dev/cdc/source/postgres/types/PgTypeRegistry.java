package dev.cdc.source.postgres.types;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's data types by oid, read from {@code pg_type} and {@code pg_enum}. pgoutput names
 * column types by oid only; the registry is reloaded when a type it does not know appears (a type
 * created after the start, announced by a pgoutput Type message). Thread-safe.
 */
public final class PgTypeRegistry {
    private static final String TYPES = "SELECT t.oid, n.nspname, t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype,"
            + " t.typtypmod FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace";
    private static final String ENUM_LABELS = "SELECT enumtypid, enumlabel FROM pg_catalog.pg_enum ORDER BY enumtypid, enumsortorder";

    private final Map<Integer, PgType> types = new ConcurrentHashMap<>();

    /** A registry holding exactly {@code types}; for tests. */
    public static PgTypeRegistry of(List<PgType> types) {
        PgTypeRegistry registry = new PgTypeRegistry();
        types.forEach(type -> registry.types.put(type.oid(), type));
        return registry;
    }

    /** A registry loaded from the server. */
    public static PgTypeRegistry load(Connection connection) throws SQLException {
        PgTypeRegistry registry = new PgTypeRegistry();
        registry.reload(connection);
        return registry;
    }

    /** Reads all types again (after a CREATE TYPE or ALTER TYPE ... ADD VALUE). */
    public void reload(Connection connection) throws SQLException {
        requireNonNull(connection, "connection is null");
        Map<Integer, List<String>> labels = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(ENUM_LABELS)) {
                while (rows.next()) {
                    labels.computeIfAbsent((int) rows.getLong(1), oid -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(TYPES)) {
                while (rows.next()) {
                    int oid = (int) rows.getLong(1);
                    types.put(oid, new PgType(oid, rows.getString(2), rows.getString(3), rows.getString(4).charAt(0),
                            rows.getString(5).charAt(0), (int) rows.getLong(6), (int) rows.getLong(7), rows.getInt(8),
                            labels.getOrDefault(oid, List.of())));
                }
            }
        }
    }

    public Optional<PgType> find(int oid) {
        return Optional.ofNullable(types.get(oid));
    }

    /**
     * @throws IllegalArgumentException when the oid is unknown
     */
    public PgType get(int oid) {
        PgType type = types.get(oid);
        if (type == null) {
            throw new IllegalArgumentException("data type oid " + Integer.toUnsignedString(oid) + " is not in pg_type as read at start;"
                    + " it was created later and the registry was not reloaded");
        }
        return type;
    }

    /** The type itself, or for a domain the type it is based on (recursively). */
    public PgType resolveDomain(PgType type) {
        PgType current = type;
        for (int depth = 0; current.isDomain() && depth < 32; depth++) {
            current = get(current.baseTypeOid());
        }
        return current;
    }
}
