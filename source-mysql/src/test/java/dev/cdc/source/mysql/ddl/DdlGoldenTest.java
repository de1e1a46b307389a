package dev.cdc.source.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SQL in, structured changes out: the cases of {@code ddl/ddl-changes.golden}. */
class DdlGoldenTest {
    private static final String CURRENT_DATABASE = "shop";

    record Case(String name, String given, String sql, String changes, String after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        String text;
        try (InputStream in = DdlGoldenTest.class.getResourceAsStream("/ddl/ddl-changes.golden")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Arguments> cases = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.startsWith("#") || block.isBlank()) {
                continue;
            }
            String name = block.substring(0, block.indexOf('\n')).trim();
            Map<String, String> sections = new LinkedHashMap<>();
            for (String section : block.substring(block.indexOf('\n') + 1).split("(?m)^--- ")) {
                if (section.isBlank()) {
                    continue;
                }
                int newline = section.indexOf('\n');
                sections.put(section.substring(0, newline).trim(), section.substring(newline + 1));
            }
            cases.add(Arguments.of(new Case(name, sections.getOrDefault("given", ""), sections.get("sql"),
                    sections.getOrDefault("changes", "").trim(), sections.getOrDefault("after", "").trim())));
        }
        return cases.stream();
    }

    private static List<String> statements(String text) {
        return Arrays.stream(text.split(";\\s*\\n")).map(String::trim).filter(sql -> !sql.isEmpty())
                .map(sql -> sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void structuredChanges(Case golden) {
        SchemaCatalog catalog = new SchemaCatalog("utf8mb4");
        for (String sql : statements(golden.given())) {
            catalog.apply(DdlParser.parse(sql), CURRENT_DATABASE, 0);
        }
        List<String> lines = new ArrayList<>();
        long position = 100;
        for (String sql : statements(golden.sql())) {
            DdlOutcome outcome = catalog.apply(DdlParser.parse(sql), CURRENT_DATABASE, position++);
            for (SchemaChange change : outcome.changes()) {
                lines.add(SchemaChanges.describe(change));
            }
            for (TableId undefined : outcome.undefinedTables()) {
                lines.add("UNDEFINED " + undefined.displayName());
            }
        }

        assertThat(String.join("\n", lines)).isEqualTo(golden.changes());
        for (String expectation : golden.after().lines().filter(line -> !line.isBlank()).toList()) {
            assertThat(describeColumn(catalog, expectation)).isEqualTo(expectation);
        }
    }

    /** {@code db.table column TYPE} as the catalog has it, for the "after" section. */
    private static String describeColumn(SchemaCatalog catalog, String expectation) {
        String[] parts = expectation.split(" ");
        String[] table = parts[0].split("\\.");
        MySqlTable definition = catalog.table(table[0], table[1]).orElseThrow();
        MySqlColumn column = definition.column(parts[1]).orElseThrow();
        return parts[0] + " " + column.name() + " " + column.type().dataType();
    }

    @SuppressWarnings("unused")
    private static String joined(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
