package dev.cdc.sink.elasticsearch.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemOutcomeTest {
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "200, null, true, ACKNOWLEDGED",
        "201, null, true, ACKNOWLEDGED",
        "404, null, false, ACKNOWLEDGED",
        "404, index_not_found_exception, true, REJECTED",
        "409, version_conflict_engine_exception, true, SUPERSEDED",
        "409, version_conflict_engine_exception, false, REJECTED",
        "429, es_rejected_execution_exception, true, RETRY",
        "500, null, true, RETRY",
        "503, unavailable_shards_exception, true, RETRY",
        "400, document_parsing_exception, true, REJECTED",
        "400, mapper_parsing_exception, true, REJECTED",
    })
    void outcomeOfStatusAndErrorType(int status, String errorType, boolean versioned, ItemOutcome expected) {
        assertThat(ItemOutcome.of(status, errorType, versioned)).isEqualTo(expected);
    }
}
