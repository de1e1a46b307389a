package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RegexListTest {

    @Test
    void splitsAtCommasAndTrims() {
        assertThat(RegexList.split(" inventory\\.orders , shop\\..* ,, ")).containsExactly("inventory\\.orders", "shop\\..*");
    }

    @Test
    void keepsCommasInsideQuantifiersGroupsAndClasses() {
        assertThat(RegexList.split("a{1,3},(b,c),[d,e],f")).containsExactly("a{1,3}", "(b,c)", "[d,e]", "f");
    }

    @Test
    void anEscapedCommaIsPartOfThePatternAndMatchesAComma() {
        assertThat(RegexList.split("a\\,b,c")).containsExactly("a\\,b", "c");
        assertThat(RegexList.parse("a\\,b").get(0).matcher("a,b").matches()).isTrue();
    }

    @Test
    void parseCompilesEachPattern() {
        assertThat(RegexList.parse("db1\\.t.*")).extracting(Pattern::pattern).containsExactly("db1\\.t.*");
        assertThat(RegexList.parse("")).isEmpty();
    }
}
