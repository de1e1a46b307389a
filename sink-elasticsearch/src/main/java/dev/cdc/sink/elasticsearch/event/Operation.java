package dev.cdc.sink.elasticsearch.event;

import dev.cdc.sink.elasticsearch.BadRecordException;

/** The {@code op} of a change event. */
public enum Operation {
    CREATE("c"), UPDATE("u"), READ("r"), DELETE("d"), TRUNCATE("t");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the event carries an after-image to index. */
    public boolean writesRow() {
        return this == CREATE || this == UPDATE || this == READ;
    }

    /** The operation of an {@code op} code. */
    public static Operation of(String code) {
        if (code != null) {
            for (Operation op : values()) {
                if (op.code.equals(code)) {
                    return op;
                }
            }
        }
        throw new BadRecordException("op '" + code + "' is not one of c, u, r, d, t");
    }
}
