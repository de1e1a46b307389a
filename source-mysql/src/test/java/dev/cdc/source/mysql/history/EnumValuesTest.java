package dev.cdc.source.mysql.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnumValuesTest {
    @Test
    void undoesQuotingOfEnumAndSetValues() {
        assertThat(EnumValues.parse("enum('a','it''s','x,y','')")).containsExactly("a", "it's", "x,y", "");
        assertThat(EnumValues.parse("set('r','w')")).containsExactly("r", "w");
    }

    @Test
    void aTypeWithoutValuesIsRefused() {
        assertThatThrownBy(() -> EnumValues.parse("int")).hasMessage("'int' lists no ENUM or SET values");
    }
}
