package dev.cdc.source.postgres.event;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.cdc.schema.Column;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.source.postgres.server.ColumnInfo;
import dev.cdc.source.postgres.types.PgColumnTypes;

/** Builds the shared {@link TableSchema} of a PostgreSQL table from its columns and primary key. */
public final class TableSchemaFactory {
    private final PgColumnTypes types;

    public TableSchemaFactory(PgColumnTypes types) {
        this.types = requireNonNull(types, "types is null");
    }

    /**
     * @param primaryKey key column names; names that are not columns are ignored (the catalog may be newer than a Relation message)
     */
    public TableSchema build(TableId id, List<ColumnInfo> columns, List<String> primaryKey, long version, long position) {
        TableSchema.Builder builder = TableSchema.builder(id).version(version).validFromPosition(position);
        for (ColumnInfo column : columns) {
            builder.column(Column.builder(column.name(), types.columnType(column.typeOid(), column.typeModifier()))
                    .nullable(!column.notNull())
                    .defaultValueExpression(column.defaultExpression())
                    .build());
        }
        List<String> names = columns.stream().map(ColumnInfo::name).toList();
        return builder.primaryKey(primaryKey.stream().filter(names::contains).toList()).build();
    }
}
