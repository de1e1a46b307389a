package dev.cdc.source.postgres.signal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cdc.source.postgres.json.JsonText;
import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.PgOutputMessage.RelationColumn;
import dev.cdc.source.postgres.replication.TupleData;

/**
 * Recognises rows inserted into the signal table ({@code signal.data.collection}) in the stream,
 * Debezium's source signalling channel: columns {@code id}, {@code type}, {@code data}. Its rows
 * are read as signals, never emitted as change events. Used by the reader thread only.
 */
public final class SignalTable {
    /** Debezium's signal type that asks for a snapshot of some tables. */
    public static final String EXECUTE_SNAPSHOT = "execute-snapshot";

    /** One signal row. */
    public record Signal(String id, String type, String data) {
        public Signal {
            requireNonNull(type, "type is null");
        }
    }

    private final Optional<String> schema;
    private final Optional<String> table;
    private Integer relationId;
    private int idColumn = -1;
    private int typeColumn = -1;
    private int dataColumn = -1;

    /** Signals off when {@code schema} is empty. */
    public SignalTable(Optional<String> schema, Optional<String> table) {
        this.schema = requireNonNull(schema, "schema is null");
        this.table = requireNonNull(table, "table is null");
    }

    /** Takes a Relation message; true when it is the signal table's. */
    public boolean onRelation(Relation relation) {
        if (schema.isEmpty() || !schema.get().equals(relation.namespace()) || !table.orElseThrow().equals(relation.name())) {
            return false;
        }
        relationId = relation.relationId();
        List<String> names = relation.columns().stream().map(RelationColumn::name).toList();
        idColumn = names.indexOf("id");
        typeColumn = names.indexOf("type");
        dataColumn = names.indexOf("data");
        return true;
    }

    public boolean isSignal(int relationIdOfChange) {
        return relationId != null && relationId == relationIdOfChange;
    }

    /** The signal of an inserted row; empty when the table lacks a {@code type} column or the type is null. */
    public Optional<Signal> signal(TupleData row) {
        String type = text(row, typeColumn);
        return type == null ? Optional.empty() : Optional.of(new Signal(text(row, idColumn), type, text(row, dataColumn)));
    }

    /**
     * The tables of an {@code execute-snapshot} signal's data, {@code {"data-collections": ["public.orders"], "type": "incremental"}}.
     *
     * @throws IllegalArgumentException when the data is not such a JSON object, or asks for another snapshot type than incremental
     */
    public static List<String> dataCollections(String data) {
        Map<String, Object> json = JsonText.parseObject(data == null ? "" : data);
        Object type = json.getOrDefault("type", "incremental");
        if (!"incremental".equalsIgnoreCase(String.valueOf(type))) {
            throw new IllegalArgumentException("snapshot type '" + type + "' is not supported; only incremental (the default)");
        }
        if (!(json.get("data-collections") instanceof List<?> collections) || collections.isEmpty()
                || !collections.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("'data-collections' must be a non-empty array of schema.table names: " + data);
        }
        return collections.stream().map(String.class::cast).toList();
    }

    private static String text(TupleData row, int column) {
        return column >= 0 && column < row.size() && row.kind(column) == TupleData.Kind.TEXT ? row.text(column) : null;
    }
}
