package dev.cdc.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkKeyCodecTest {

    @Test
    void everySupportedTypeRoundTripsWithItsJavaType() {
        List<Object> key = List.of((byte) 1, (short) 2, 3, 4L, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("12.50"), 1.5f, -0.1d, true, new Date(1_700_000_000_000L), "a, b: c/ü 😀", new byte[] {0, -1, 44});

        List<Object> decoded = ChunkKeyCodec.decode(ChunkKeyCodec.encode(key));

        assertThat(decoded.subList(0, 11)).isEqualTo(key.subList(0, 11));
        assertThat(decoded.get(5)).isEqualTo(new BigDecimal("12.50"));
        assertThat(decoded.get(11)).isInstanceOf(byte[].class);
        assertThat(Arrays.equals((byte[]) decoded.get(11), (byte[]) key.get(11))).isTrue();
    }

    @Test
    void numbersStayReadableInTheOffset() {
        assertThat(ChunkKeyCodec.encode(List.of(45_000L, "EU west"))).isEqualTo("l:45000,s:EU+west");
        assertThat(ChunkKeyCodec.encode(List.of())).isEmpty();
        assertThat(ChunkKeyCodec.decode("")).isEmpty();
    }

    @Test
    void unsupportedOrNullValuesAreRejected() {
        assertThatThrownBy(() -> ChunkKeyCodec.encode(List.of(LocalDate.of(2026, 1, 1))))
                .hasMessage("primary key value of type java.time.LocalDate cannot be stored in an offset; "
                        + "convert it to a number, string or byte[] first");
        assertThatThrownBy(() -> ChunkKeyCodec.encode(Arrays.asList(1L, null)))
                .hasMessage("a primary key value is null; key columns cannot be null");
    }

    @Test
    void damagedTextIsRejectedNamingIt() {
        assertThatThrownBy(() -> ChunkKeyCodec.decode("l:12,x:3")).hasMessage("stored key 'l:12,x:3' has an unknown type tag in 'x:3'");
        assertThatThrownBy(() -> ChunkKeyCodec.decode("l:abc")).hasMessageStartingWith("stored key 'l:abc' has a malformed value 'l:abc'");
        assertThatThrownBy(() -> ChunkKeyCodec.decode("12")).hasMessage("stored key '12' has a malformed value '12'");
        assertThatThrownBy(() -> ChunkKeyCodec.decode("z:yes")).hasMessageContaining("not a boolean");
    }
}
