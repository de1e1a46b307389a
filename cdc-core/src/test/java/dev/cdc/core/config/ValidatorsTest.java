package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void regexListAcceptsValidPatternsAndEmptyValues() {
        assertThatCode(() -> Validators.regexList().ensureValid("table.include.list", "inventory\\.orders, shop\\..*"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Validators.regexList().ensureValid("table.include.list", "")).doesNotThrowAnyException();
        assertThatCode(() -> Validators.regexList().ensureValid("table.include.list", null)).doesNotThrowAnyException();
    }

    @Test
    void regexListMessageNamesKeyValueAndTheBadPattern() {
        assertThatThrownBy(() -> Validators.regexList().ensureValid("table.include.list", "inventory\\.orders,shop(.*"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value inventory\\.orders,shop(.* for configuration table.include.list: "
                        + "pattern 'shop(.*' is not a valid Java regular expression (Unclosed group near index 7); "
                        + "expected a comma-separated list of regular expressions such as 'inventory\\.orders,shop\\..*'");
    }

    @Test
    void regexListValidatesEveryElementOfAParsedList() {
        assertThatThrownBy(() -> Validators.regexList().ensureValid("column.exclude.list", List.of("a.b", "[x")))
                .hasMessageContaining("pattern '[x' is not a valid Java regular expression");
    }

    @Test
    void atLeastAcceptsIntegersAndLongsAndRejectsOtherTypes() {
        assertThatCode(() -> Validators.positive().ensureValid("k", 1)).doesNotThrowAnyException();
        assertThatCode(() -> Validators.positive().ensureValid("k", 7L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Validators.positive().ensureValid("k", "7"))
                .hasMessage("Invalid value 7 for configuration k: must be a whole number of at least 1");
        assertThatThrownBy(() -> Validators.nonNegative("0 = off").ensureValid("k", -1L))
                .hasMessage("Invalid value -1 for configuration k: must be a whole number of at least 0 (0 = off)");
        assertThatCode(() -> Validators.nonNegative("0 = off").ensureValid("k", null)).doesNotThrowAnyException();
    }

    @Test
    void validatorsDescribeTheirRangeForTheDocumentation() {
        assertThat(Validators.nonNegative("0 = off")).hasToString("[0,...] (0 = off)");
        assertThat(Validators.positive()).hasToString("[1,...]");
        assertThat(Validators.topicNamePart()).hasToString("non-empty string of [a-zA-Z0-9._-]");
        assertThat(Validators.nonBlank("user name", MessageWording.CONNECT)).hasToString("a non-blank user name");
        assertThat(Validators.between(1, 65_535, MessageWording.CONNECT)).hasToString("[1, 65535]");
        assertThat(Validators.oneOf(Color.class, Color::parse)).hasToString("one of red, dark_blue");
        assertThat(Validators.described("anything", (name, value) -> { })).hasToString("anything");
    }

    @Test
    void nonBlankSaysWhatToGiveInTheWordingAsked() {
        assertThatCode(() -> Validators.nonBlank("user name", MessageWording.CONNECT).ensureValid("k", "cdc")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Validators.nonBlank("user name", MessageWording.CONNECT).ensureValid("k", " "))
                .hasMessage("Invalid value   for configuration k: is required: give the user name");
        assertThatThrownBy(() -> Validators.nonBlank("user name", MessageWording.KEY_FIRST).ensureValid("k", null))
                .hasMessage("Invalid value null for configuration k: k is required: give the user name");
    }

    @Test
    void betweenIncludesBothEndsAndSaysWhatToGiveForNull() {
        assertThatCode(() -> Validators.between(1, 5, MessageWording.CONNECT).ensureValid("k", 1)).doesNotThrowAnyException();
        assertThatCode(() -> Validators.between(1, 5, MessageWording.CONNECT).ensureValid("k", 5L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Validators.between(1, 5, MessageWording.CONNECT).ensureValid("k", 6))
                .hasMessage("Invalid value 6 for configuration k: must be from 1 to 5");
        assertThatThrownBy(() -> Validators.between(1, 5, MessageWording.CONNECT).ensureValid("k", null))
                .hasMessage("Invalid value null for configuration k: is required: give a number from 1 to 5");
        assertThatThrownBy(() -> Validators.between(1, 5, MessageWording.KEY_FIRST).ensureValid("k", null))
                .hasMessage("Invalid value null for configuration k: k is required: give a number from 1 to 5");
    }

    @Test
    void oneOfReportsTheParsersMessage() {
        assertThatCode(() -> Validators.oneOf(Color.class, Color::parse).ensureValid("k", " RED ")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Validators.oneOf(Color.class, Color::parse).ensureValid("k", "green"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value green for configuration k: 'green' is not a color; allowed: red, dark_blue");
    }

    enum Color {
        RED, DARK_BLUE;

        static Color parse(String value) {
            return ConfigEnums.parse(Color.class, value, "color");
        }
    }
}
