package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigEnumsTest {
    enum Color {
        RED, DARK_BLUE
    }

    @Test
    void theConfigValueIsTheNameInLowerCase() {
        assertThat(ConfigEnums.configValue(Color.DARK_BLUE)).isEqualTo("dark_blue");
        assertThat(ConfigEnums.allowed(Color.class)).isEqualTo("red, dark_blue");
    }

    @Test
    void parsingIgnoresCaseAndSurroundingBlanks() {
        assertThat(ConfigEnums.parse(Color.class, " Dark_Blue ", "color")).isEqualTo(Color.DARK_BLUE);
        assertThat(ConfigEnums.parse(Color.class, "red", "color")).isEqualTo(Color.RED);
    }

    @Test
    void anUnknownValueNamesTheAllowedOnes() {
        assertThatThrownBy(() -> ConfigEnums.parse(Color.class, "green", "color")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'green' is not a color; allowed: red, dark_blue");
        assertThatThrownBy(() -> ConfigEnums.parse(Color.class, null, "color"))
                .hasMessage("'null' is not a color; allowed: red, dark_blue");
    }

    @Test
    void aHintFollowsTheAllowedValues() {
        assertThatThrownBy(() -> ConfigEnums.parse(Color.class, "", "color", "green is sold out"))
                .hasMessage("'' is not a color; allowed: red, dark_blue. green is sold out");
    }
}
