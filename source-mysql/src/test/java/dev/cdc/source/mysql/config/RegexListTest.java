package dev.cdc.source.mysql.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexListTest {
    @Test
    void splitsOnCommasAndTrims() {
        assertThat(RegexList.split(" shop , crm ,,")).containsExactly("shop", "crm");
    }

    @Test
    void keepsQuantifiersWhole() {
        assertThat(RegexList.split("db_\\d{1,3},other")).containsExactly("db_\\d{1,3}", "other");
    }

    @Test
    void escapedCommaIsPartOfTheExpression() {
        assertThat(RegexList.split("a\\,b,c")).containsExactly("a,b", "c");
    }

    @Test
    void otherEscapesAreKept() {
        assertThat(RegexList.split("shop\\.orders")).containsExactly("shop\\.orders");
    }

    @Test
    void nullAndEmpty() {
        assertThat(RegexList.split(null)).isEmpty();
        assertThat(RegexList.split("")).isEmpty();
    }
}
