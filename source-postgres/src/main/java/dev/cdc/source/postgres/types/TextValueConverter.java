package dev.cdc.source.postgres.types;

/**
 * Converts one column value from PostgreSQL's text output format (what pgoutput sends and what
 * {@code column::text} returns in a snapshot) to the Connect value of the column's schema.
 */
@FunctionalInterface
public interface TextValueConverter {
    /**
     * @param text the value, never null (SQL NULL is handled by the caller)
     * @return the Connect value; null when the value has no representation (e.g. numeric NaN)
     * @throws IllegalArgumentException when the text is not a value of the type
     */
    Object convert(String text);
}
