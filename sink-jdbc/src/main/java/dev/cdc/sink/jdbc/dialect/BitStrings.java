package dev.cdc.sink.jdbc.dialect;

import java.util.BitSet;

/** Bit strings as SQL writes them: most significant bit first, {@code length} characters of 0 and 1. */
final class BitStrings {
    private BitStrings() {
    }

    static String of(BitSet bits, int length) {
        int size = Math.max(length, bits.length());
        StringBuilder out = new StringBuilder(size);
        for (int i = size - 1; i >= 0; i--) {
            out.append(bits.get(i) ? '1' : '0');
        }
        return out.toString();
    }

    /** The bits as an unsigned number, for MySQL BIT(n), n at most 64. */
    static long toLong(BitSet bits) {
        long[] words = bits.toLongArray();
        return words.length == 0 ? 0 : words[0];
    }
}
