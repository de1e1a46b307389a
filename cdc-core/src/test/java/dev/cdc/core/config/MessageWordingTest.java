package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageWordingTest {
    @Test
    void connectRepeatsNoKeyAndWordsProblemsAcrossKeysAsWholeMessages() {
        assertThat(MessageWording.CONNECT.required("k", "the user name")).isEqualTo("is required: give the user name");
        assertThat(MessageWording.CONNECT.acrossKeys("a", "x", "a and b cannot both be set"))
                .isEqualTo("Invalid value x for configuration a: a and b cannot both be set");
    }

    @Test
    void keyFirstStartsWithTheKeyAndWordsProblemsAcrossKeysAsTheReason() {
        assertThat(MessageWording.KEY_FIRST.required("k", "the user name")).isEqualTo("k is required: give the user name");
        assertThat(MessageWording.KEY_FIRST.acrossKeys("a", "x", "a and b cannot both be set")).isEqualTo("a and b cannot both be set");
    }

    @Test
    void bothThrowTheSameConnectMessageForAProblemOfTheirOwnWording() {
        Map<String, String> properties = Map.of("a", "x");

        assertThat(MessageWording.CONNECT.toException(
                new ConfigProblem("a", MessageWording.CONNECT.acrossKeys("a", "x", "why")), properties))
                .hasMessage("Invalid value x for configuration a: why");
        assertThat(MessageWording.KEY_FIRST.toException(
                new ConfigProblem("a", MessageWording.KEY_FIRST.acrossKeys("a", "x", "why")), properties))
                .hasMessage("Invalid value x for configuration a: why");
    }

    @Test
    void aProblemNeedsKeyAndMessage() {
        assertThatThrownBy(() -> new ConfigProblem(null, "why")).hasMessage("key is null");
        assertThatThrownBy(() -> new ConfigProblem("a", null)).hasMessage("message is null");
    }
}
