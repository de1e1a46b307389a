package dev.cdc.sink.jdbc.dialect;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.jdbc.config.DialectKind;

/** The dialect of a target database kind. */
public final class Dialects {
    private Dialects() {
    }

    public static Dialect of(DialectKind kind) {
        requireNonNull(kind, "kind is null");
        return kind == DialectKind.POSTGRESQL ? new PostgresDialect() : new MySqlDialect(kind);
    }
}
