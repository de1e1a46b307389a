package dev.cdc.source.postgres.event;

import java.util.List;

import org.apache.kafka.connect.data.Struct;

/**
 * A row converted to its Connect struct.
 *
 * @param struct         the row; columns not sent are null
 * @param unchangedToast columns whose value was not sent because it is an unchanged TOASTed value
 *                       (null in {@code struct}, to be kept as stored by sinks)
 */
public record RowImage(Struct struct, List<String> unchangedToast) {
    public RowImage {
        unchangedToast = List.copyOf(unchangedToast);
    }
}
