package dev.cdc.core.event;

/** What a sink has to do with a change record. */
public enum ChangeAction {
    /** Insert or replace the row ({@code r}, {@code c}, {@code u}, or a flat row). */
    UPSERT,
    /** Delete the row of the key ({@code d}, or a flat row marked {@code __deleted=true}). */
    DELETE,
    /** Remove every row of the table ({@code t}). */
    TRUNCATE,
    /** A record with a null value after a delete; the delete itself was already applied. */
    TOMBSTONE
}
