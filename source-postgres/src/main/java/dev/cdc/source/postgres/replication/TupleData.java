package dev.cdc.source.postgres.replication;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The column values of one row as pgoutput sends them: per column null ({@code n}), unchanged
 * TOASTed value not sent ({@code u}), or the value in the type's text output format ({@code t}).
 * Immutable.
 */
public final class TupleData {
    /** The kind of one column value. */
    public enum Kind { NULL, UNCHANGED_TOAST, TEXT }

    private final Kind[] kinds;
    private final String[] texts;

    public TupleData(Kind[] kinds, String[] texts) {
        requireNonNull(kinds, "kinds is null");
        requireNonNull(texts, "texts is null");
        if (kinds.length != texts.length) {
            throw new IllegalArgumentException(kinds.length + " kinds but " + texts.length + " values");
        }
        this.kinds = kinds.clone();
        this.texts = texts.clone();
    }

    public int size() {
        return kinds.length;
    }

    public Kind kind(int column) {
        return kinds[column];
    }

    /** The text value of a column; null unless its kind is TEXT. */
    public String text(int column) {
        return texts[column];
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < kinds.length; i++) {
            out.append(i == 0 ? "" : ", ").append(switch (kinds[i]) {
                case NULL -> "null";
                case UNCHANGED_TOAST -> "<unchanged toast>";
                case TEXT -> texts[i];
            });
        }
        return out.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleData other && Arrays.equals(kinds, other.kinds) && Arrays.equals(texts, other.texts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(kinds) + Arrays.hashCode(texts);
    }
}
