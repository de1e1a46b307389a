package dev.cdc.source.postgres.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.cdc.schema.diff.ColumnRename;

/**
 * Finds the old name of a renamed column in the DDL text: {@code ALTER TABLE [IF EXISTS] [ONLY]
 * name [*] RENAME [COLUMN] a TO b}. The event trigger knows the column only by its new name
 * (the catalog is already renamed at {@code ddl_command_end}), so the clause is found by that new
 * name. Identifiers follow PostgreSQL's rules: unquoted ones fold to lower case, quoted ones keep
 * their case and {@code ""} stands for a quote. Comments and string literals are skipped.
 * Stateless and thread-safe.
 */
public final class RenameColumnParser {
    private RenameColumnParser() {
    }

    /**
     * The rename whose new name is {@code newName}, when the text holds exactly one such clause,
     * or several that agree.
     */
    public static Optional<ColumnRename> find(String ddl, String newName) {
        requireNonNull(ddl, "ddl is null");
        requireNonNull(newName, "newName is null");
        List<ColumnRename> candidates = renames(ddl).stream().filter(rename -> rename.to().equals(newName)).distinct().toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Every {@code ALTER TABLE ... RENAME [COLUMN] a TO b} of the text, in order. */
    public static List<ColumnRename> renames(String ddl) {
        List<Token> tokens = tokens(ddl);
        List<ColumnRename> renames = new ArrayList<>();
        int statementStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is(";")) {
                statementStart = i + 1;
                continue;
            }
            if (!token.isWord("rename") || !isAlterTable(tokens, statementStart)) {
                continue;
            }
            int next = i + 1;
            if (next < tokens.size() && tokens.get(next).isWord("column")) {
                next++;
            } else if (next < tokens.size() && (tokens.get(next).isWord("to") || tokens.get(next).isWord("constraint"))) {
                continue; // RENAME TO: the table; RENAME CONSTRAINT
            }
            if (next + 2 < tokens.size() && tokens.get(next).identifier() && tokens.get(next + 1).isWord("to")
                    && tokens.get(next + 2).identifier()) {
                renames.add(new ColumnRename(tokens.get(next).text(), tokens.get(next + 2).text()));
            }
        }
        return renames;
    }

    private static boolean isAlterTable(List<Token> tokens, int start) {
        return start + 1 < tokens.size() && tokens.get(start).isWord("alter") && tokens.get(start + 1).isWord("table");
    }

    /**
     * A lexical token.
     *
     * @param text   the identifier (folded or unquoted) or the symbol
     * @param word   an unquoted word: may be a keyword
     * @param quoted a quoted identifier
     */
    private record Token(String text, boolean word, boolean quoted) {
        boolean isWord(String keyword) {
            return word && text.equals(keyword);
        }

        boolean is(String symbol) {
            return !word && !quoted && text.equals(symbol);
        }

        boolean identifier() {
            return word || quoted;
        }
    }

    private static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == '\'') {
                i = skipString(sql, i);
                tokens.add(new Token("'", false, false));
            } else if (c == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < sql.length()) {
                    if (sql.charAt(i) == '"' && i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                    } else if (sql.charAt(i) == '"') {
                        i++;
                        break;
                    } else {
                        name.append(sql.charAt(i++));
                    }
                }
                tokens.add(new Token(name.toString(), false, true));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(sql.substring(start, i).toLowerCase(Locale.ROOT), true, false));
            } else {
                tokens.add(new Token(String.valueOf(c), false, false));
                i++;
            }
        }
        return tokens;
    }

    private static int skipString(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i += 2;
            } else if (sql.charAt(i) == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
