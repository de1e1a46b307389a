package dev.cdc.source.mysql.types;

/**
 * Turns the value of one column, as the binlog deserializer produced it, into the Connect value of
 * the column's schema. Never called with null: SQL NULL stays null.
 */
@FunctionalInterface
public interface ValueConverter {
    Object convert(Object raw);
}
