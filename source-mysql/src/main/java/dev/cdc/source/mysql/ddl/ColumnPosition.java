package dev.cdc.source.mysql.ddl;

/** Where {@code ADD}, {@code MODIFY} or {@code CHANGE} puts a column: at the end (or in place), {@code FIRST}, or {@code AFTER x}. */
public record ColumnPosition(boolean first, String after) {
    public static final ColumnPosition DEFAULT = new ColumnPosition(false, null);
    public static final ColumnPosition FIRST = new ColumnPosition(true, null);

    public static ColumnPosition after(String column) {
        return new ColumnPosition(false, column);
    }

    public boolean isDefault() {
        return !first && after == null;
    }
}
