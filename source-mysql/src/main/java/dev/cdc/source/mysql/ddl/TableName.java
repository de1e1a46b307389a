package dev.cdc.source.mysql.ddl;

import static java.util.Objects.requireNonNull;

/** A table named in DDL: its database (null when the statement left it to the current database) and name. */
public record TableName(String database, String name) {
    public TableName {
        requireNonNull(name, "name is null");
    }

    /** This name with the current database filled in when the statement gave none. */
    public TableName in(String currentDatabase) {
        return database != null || currentDatabase == null ? this : new TableName(currentDatabase, name);
    }

    @Override
    public String toString() {
        return database == null ? name : database + "." + name;
    }
}
