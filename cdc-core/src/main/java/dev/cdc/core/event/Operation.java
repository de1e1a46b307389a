package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kind of a change event, with Debezium's one-letter codes (the envelope's {@code op} field). */
public enum Operation {
    /** A row read by a snapshot. */
    READ("r"),
    /** A row inserted. */
    CREATE("c"),
    /** A row updated. */
    UPDATE("u"),
    /** A row deleted. */
    DELETE("d"),
    /** A table truncated. */
    TRUNCATE("t");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    /** The code in the envelope's {@code op} field. */
    public String code() {
        return code;
    }

    /** The operation of a code, if it is one of {@code r c u d t}. */
    public static Optional<Operation> find(String code) {
        requireNonNull(code, "code is null");
        return Arrays.stream(values()).filter(operation -> operation.code.equals(code)).findFirst();
    }

    /**
     * The operation of a code.
     *
     * @throws IllegalArgumentException naming the code and the allowed ones
     */
    public static Operation forCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown operation code '" + code + "'; expected one of "
                + Arrays.stream(values()).map(Operation::code).collect(Collectors.joining(", "))));
    }
}
