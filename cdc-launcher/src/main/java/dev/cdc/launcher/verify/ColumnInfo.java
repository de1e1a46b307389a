package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** A source column as information_schema describes it: name, data type and full column type. */
public record ColumnInfo(String name, String dataType, String columnType) {
    public ColumnInfo {
        requireNonNull(name, "name is null");
        dataType = requireNonNull(dataType, "dataType is null").toLowerCase(Locale.ROOT);
        columnType = requireNonNull(columnType, "columnType is null").toLowerCase(Locale.ROOT);
    }

    public boolean unsigned() {
        return columnType.contains("unsigned");
    }

    /** Values read as text from MySQL (temporal types), to avoid any JDBC time-zone shifting. */
    public boolean readAsText() {
        return switch (dataType) {
            case "date", "datetime", "timestamp", "time", "year" -> true;
            default -> false;
        };
    }
}
