package dev.cdc.launcher.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BinlogCoordinatesTest {

    @Test
    void ordersByFileNumberThenPosition() {
        assertThat(new BinlogCoordinates("mysql-bin.000010", 4)).isGreaterThan(new BinlogCoordinates("mysql-bin.000009", 999_999));
        assertThat(new BinlogCoordinates("mysql-bin.000009", 500)).isGreaterThan(new BinlogCoordinates("mysql-bin.000009", 499));
        assertThat(new BinlogCoordinates("mysql-bin.000009", 500)).isEqualByComparingTo(new BinlogCoordinates("mysql-bin.000009", 500));
    }

    @Test
    void readFromADebeziumStyleOffset() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(BinlogCoordinates.ofOffset(json.readTree("{\"file\":\"mysql-bin.000003\",\"pos\":1234,\"row\":2}")))
                .contains(new BinlogCoordinates("mysql-bin.000003", 1234));
        assertThat(BinlogCoordinates.ofOffset(json.readTree("{\"gtids\":\"0-1-5\"}"))).isEmpty();
    }
}
