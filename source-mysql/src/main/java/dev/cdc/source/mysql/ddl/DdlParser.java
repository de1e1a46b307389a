package dev.cdc.source.mysql.ddl;

import static java.util.Objects.requireNonNull;

import dev.cdc.source.mysql.ddl.AlterAction.AddColumn;
import dev.cdc.source.mysql.ddl.AlterAction.AddPrimaryKey;
import dev.cdc.source.mysql.ddl.AlterAction.AlterColumnDefault;
import dev.cdc.source.mysql.ddl.AlterAction.ChangeColumn;
import dev.cdc.source.mysql.ddl.AlterAction.ConvertCharset;
import dev.cdc.source.mysql.ddl.AlterAction.DefaultCharset;
import dev.cdc.source.mysql.ddl.AlterAction.DropColumn;
import dev.cdc.source.mysql.ddl.AlterAction.DropPrimaryKey;
import dev.cdc.source.mysql.ddl.AlterAction.RenameColumn;
import dev.cdc.source.mysql.ddl.AlterAction.RenameTable;
import dev.cdc.source.mysql.ddl.DdlStatement.AlterDatabase;
import dev.cdc.source.mysql.ddl.DdlStatement.AlterTable;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateDatabase;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateTable;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateTableAsSelect;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateTableLike;
import dev.cdc.source.mysql.ddl.DdlStatement.DropDatabase;
import dev.cdc.source.mysql.ddl.DdlStatement.DropTables;
import dev.cdc.source.mysql.ddl.DdlStatement.Ignored;
import dev.cdc.source.mysql.ddl.DdlStatement.RenameTables;
import dev.cdc.source.mysql.ddl.DdlStatement.TruncateTable;
import dev.cdc.source.mysql.types.MySqlDataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the DDL statements that change table definitions, in MySQL and MariaDB syntax: CREATE
 * TABLE (columns, primary key, table charset; LIKE; AS SELECT), ALTER TABLE with any number of
 * alterations (ADD/DROP/MODIFY/CHANGE/RENAME COLUMN, ALTER COLUMN ... DEFAULT, ADD/DROP PRIMARY KEY,
 * RENAME TO, CONVERT TO CHARACTER SET, DEFAULT CHARACTER SET), RENAME TABLE, DROP TABLE, TRUNCATE
 * TABLE, CREATE/ALTER/DROP DATABASE. Everything else is {@link Ignored}: indexes, foreign keys,
 * checks, partitions, table options, temporary tables, views, routines, grants. Stateless.
 */
public final class DdlParser {
    private DdlParser() {
    }

    /**
     * @throws DdlParseException with the offset and what was expected, for a statement of a kind
     *                           this parser reads that it cannot follow
     */
    public static DdlStatement parse(String sql) {
        requireNonNull(sql, "sql is null");
        Cursor cursor = new Cursor(sql);
        if (cursor.acceptWords("CREATE")) {
            return create(cursor);
        }
        if (cursor.acceptWords("ALTER")) {
            return alter(cursor);
        }
        if (cursor.acceptWords("DROP")) {
            return drop(cursor);
        }
        if (cursor.acceptWords("RENAME")) {
            return rename(cursor);
        }
        if (cursor.acceptWords("TRUNCATE")) {
            cursor.acceptWords("TABLE");
            return new TruncateTable(cursor.tableName());
        }
        return new Ignored("not a table or database definition: " + cursor.peek());
    }

    private static DdlStatement create(Cursor cursor) {
        boolean orReplace = cursor.acceptWords("OR", "REPLACE");
        if (cursor.acceptAnyWord("TEMPORARY")) {
            return new Ignored("temporary table");
        }
        if (cursor.acceptWords("TABLE")) {
            return createTable(cursor, orReplace);
        }
        if (cursor.acceptAnyWord("DATABASE", "SCHEMA")) {
            cursor.acceptWords("IF", "NOT", "EXISTS");
            String database = cursor.identifier("a database name");
            Charset charset = charsetOptions(cursor);
            return new CreateDatabase(database, charset.charset, charset.collation);
        }
        return new Ignored("CREATE " + cursor.peek().text());
    }

    private static DdlStatement createTable(Cursor cursor, boolean orReplace) {
        boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
        TableName table = cursor.tableName();
        if (cursor.acceptWords("LIKE")) {
            return new CreateTableLike(table, ifNotExists, cursor.tableName());
        }
        if (cursor.peek().isSymbol("(") && cursor.peek(1).isWord("LIKE")) {
            cursor.expectSymbol("(");
            cursor.expectWord("LIKE");
            TableName like = cursor.tableName();
            cursor.expectSymbol(")");
            return new CreateTableLike(table, ifNotExists, like);
        }
        if (cursor.peek().isSymbol("(") && cursor.peek(1).isWord("SELECT")) {
            return new CreateTableAsSelect(table);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        if (cursor.acceptSymbol("(")) {
            do {
                createDefinition(cursor, columns, primaryKey);
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
        }
        Charset charset = new Charset();
        while (!cursor.atEnd()) {
            if (cursor.peek().isWord("AS") || cursor.peek().isWord("SELECT") || cursor.peek().isWord("IGNORE")
                    || cursor.peek().isWord("REPLACE") || cursor.peek().isSymbol("(")) {
                return new CreateTableAsSelect(table);
            }
            if (!charset.read(cursor)) {
                skipTableOption(cursor);
            }
        }
        if (columns.isEmpty()) {
            throw cursor.error("CREATE TABLE " + table + " defines no columns");
        }
        for (String key : primaryKey) {
            if (columns.stream().noneMatch(column -> column.name().equalsIgnoreCase(key))) {
                throw cursor.error("primary key column '" + key + "' is not a column of " + table);
            }
        }
        return new CreateTable(table, ifNotExists && !orReplace, columns, primaryKey, charset.charset, charset.collation);
    }

    private static void skipTableOption(Cursor cursor) {
        if (cursor.acceptWords("PARTITION", "BY")) {
            while (!cursor.atEnd() && !cursor.peek().isWord("AS") && !cursor.peek().isWord("SELECT")) {
                if (cursor.peek().isSymbol("(")) {
                    cursor.skipParenthesised();
                } else {
                    cursor.next();
                }
            }
            return;
        }
        if (cursor.peek().isSymbol("(")) {
            cursor.skipParenthesised();
        } else {
            cursor.next();
        }
    }

    private static void createDefinition(Cursor cursor, List<ColumnDefinition> columns, List<String> primaryKey) {
        if (cursor.acceptWords("CONSTRAINT")) {
            if (!cursor.peek().isWord("PRIMARY") && !cursor.peek().isWord("UNIQUE") && !cursor.peek().isWord("FOREIGN")
                    && !cursor.peek().isWord("CHECK")) {
                cursor.identifier("a constraint name");
            }
        }
        if (cursor.acceptWords("PRIMARY", "KEY")) {
            primaryKey.clear();
            primaryKey.addAll(keyColumns(cursor));
            cursor.skipToSeparator();
            return;
        }
        Token first = cursor.peek();
        if (first.kind() == Token.Kind.WORD && List.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL", "FOREIGN", "CHECK", "PERIOD")
                .contains(first.upper()) && !isColumnNamedLikeAKeyword(cursor)) {
            cursor.skipToSeparator();
            return;
        }
        ColumnDefinition column = columnDefinition(cursor);
        columns.add(column);
        if (column.primaryKey()) {
            primaryKey.clear();
            primaryKey.add(column.name());
        }
    }

    /**
     * {@code key INT} is a column named key; {@code KEY idx (a)} is an index: a column when a type
     * name follows, unless that is an index name followed by its column list.
     */
    private static boolean isColumnNamedLikeAKeyword(Cursor cursor) {
        Token second = cursor.peek(1);
        if (second.kind() != Token.Kind.WORD || MySqlDataType.byName(second.text()).isEmpty()) {
            return false;
        }
        Token third = cursor.peek(2);
        return !third.isSymbol("(") || cursor.peek(3).kind() == Token.Kind.NUMBER || cursor.peek(3).kind() == Token.Kind.STRING;
    }

    private static List<String> keyColumns(Cursor cursor) {
        List<String> names = new ArrayList<>();
        cursor.acceptWords("USING", "BTREE");
        cursor.acceptWords("USING", "HASH");
        cursor.expectSymbol("(");
        do {
            names.add(cursor.identifier("a key column"));
            if (cursor.peek().isSymbol("(")) {
                cursor.skipParenthesised(); // prefix length
            }
            cursor.acceptAnyWord("ASC", "DESC");
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return names;
    }

    /** {@code name type attributes...}, up to a top-level comma, closing parenthesis or the end. */
    static ColumnDefinition columnDefinition(Cursor cursor) {
        String name = cursor.identifier("a column name");
        TypeParser.Parsed parsed = TypeParser.parse(cursor);
        boolean serial = parsed.serial();
        Boolean nullable = serial ? Boolean.FALSE : null;
        String defaultExpression = null;
        boolean autoIncrement = serial;
        boolean generated = false;
        boolean primaryKey = false;
        String comment = null;
        String collation = parsed.collation();
        dev.cdc.source.mysql.types.MySqlType type = parsed.type();
        while (!cursor.atEnd() && !cursor.peek().isSymbol(",") && !cursor.peek().isSymbol(")") && !cursor.peek().isWord("FIRST")
                && !cursor.peek().isWord("AFTER")) {
            if (cursor.acceptWords("NOT", "NULL")) {
                nullable = false;
            } else if (cursor.acceptWords("NULL")) {
                nullable = true;
            } else if (cursor.acceptWords("DEFAULT")) {
                defaultExpression = defaultExpression(cursor);
            } else if (cursor.acceptAnyWord("AUTO_INCREMENT")) {
                autoIncrement = true;
            } else if (cursor.acceptWords("PRIMARY", "KEY")) {
                primaryKey = true;
            } else if (cursor.acceptWords("UNIQUE")) {
                cursor.acceptWords("KEY");
            } else if (cursor.acceptWords("KEY")) {
                primaryKey = true;
            } else if (cursor.acceptWords("COMMENT")) {
                comment = cursor.next().text();
            } else if (cursor.acceptWords("COLLATE")) {
                collation = cursor.identifier("a collation name").toLowerCase(Locale.ROOT);
            } else if (cursor.acceptWords("CHARACTER", "SET") || cursor.acceptAnyWord("CHARSET")) {
                String charset = cursor.identifier("a character set name").toLowerCase(Locale.ROOT);
                type = type.withCharset(charset.equals("utf8") ? "utf8mb3" : charset);
            } else if (cursor.acceptWords("GENERATED", "ALWAYS", "AS") || cursor.acceptWords("AS")) {
                generated = true;
                cursor.skipParenthesised();
                cursor.acceptAnyWord("VIRTUAL", "STORED", "PERSISTENT");
            } else if (cursor.acceptWords("ON", "UPDATE")) {
                defaultExpressionIgnored(cursor);
            } else if (cursor.acceptWords("REFERENCES")) {
                cursor.tableName();
                if (cursor.peek().isSymbol("(")) {
                    cursor.skipParenthesised();
                }
                skipReferenceOptions(cursor);
            } else if (cursor.acceptWords("CHECK") || (cursor.acceptWords("CONSTRAINT") && skipConstraintName(cursor))) {
                if (cursor.acceptWords("CHECK") || cursor.peek().isSymbol("(")) {
                    cursor.skipParenthesised();
                }
            } else if (cursor.acceptAnyWord("COLUMN_FORMAT", "STORAGE", "SRID", "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE",
                    "COMPRESSED")) {
                cursor.acceptSymbol("=");
                if (!cursor.atEnd() && !cursor.peek().isSymbol(",") && !cursor.peek().isSymbol(")")
                        && cursor.peek().kind() != Token.Kind.WORD || cursor.peek().isWord("DEFAULT") || cursor.peek().isWord("FIXED")
                        || cursor.peek().isWord("DYNAMIC") || cursor.peek().isWord("DISK") || cursor.peek().isWord("MEMORY")
                        || cursor.peek().isWord("zlib")) {
                    cursor.next();
                }
            } else if (cursor.acceptAnyWord("VISIBLE", "INVISIBLE")) {
                continue;
            } else if (cursor.acceptWords("WITH", "SYSTEM", "VERSIONING") || cursor.acceptWords("WITHOUT", "SYSTEM", "VERSIONING")) {
                continue;
            } else if (cursor.peek().isSymbol("(")) {
                cursor.skipParenthesised();
            } else {
                cursor.next(); // an attribute without effect on the definition
            }
        }
        return new ColumnDefinition(name, type, collation, primaryKey ? Boolean.FALSE : nullable, defaultExpression, autoIncrement,
                generated, comment, primaryKey);
    }

    private static boolean skipConstraintName(Cursor cursor) {
        if (!cursor.peek().isWord("CHECK")) {
            cursor.identifier("a constraint name");
        }
        return true;
    }

    private static void skipReferenceOptions(Cursor cursor) {
        while (cursor.acceptAnyWord("MATCH", "ON")) {
            while (cursor.acceptAnyWord("FULL", "PARTIAL", "SIMPLE", "DELETE", "UPDATE", "RESTRICT", "CASCADE", "SET", "NULL", "NO",
                    "ACTION", "DEFAULT")) {
                // part of the reference option
            }
        }
    }

    /**
     * The text of a default: a literal (strings single-quoted), a possibly signed number,
     * {@code NULL} (no default: returns null), a function such as {@code CURRENT_TIMESTAMP(3)}, or a
     * parenthesised expression.
     */
    private static String defaultExpression(Cursor cursor) {
        Token token = cursor.peek();
        if (token.isSymbol("(")) {
            return cursor.parenthesisedText();
        }
        if (token.isSymbol("-") || token.isSymbol("+")) {
            cursor.next();
            Token number = cursor.next();
            return (token.text().equals("-") ? "-" : "") + number.text();
        }
        cursor.next();
        return switch (token.kind()) {
            case STRING -> "'" + token.text().replace("'", "''") + "'";
            case NUMBER -> token.text();
            case WORD -> {
                if (token.isWord("NULL")) {
                    yield null;
                }
                String word = token.upper();
                if (cursor.peek().isSymbol("(")) {
                    word += cursor.parenthesisedText().replace(" ", "");
                }
                yield word;
            }
            default -> token.text();
        };
    }

    private static void defaultExpressionIgnored(Cursor cursor) {
        defaultExpression(cursor);
    }

    private static DdlStatement alter(Cursor cursor) {
        cursor.acceptAnyWord("ONLINE");
        cursor.acceptAnyWord("IGNORE");
        if (cursor.acceptAnyWord("DATABASE", "SCHEMA")) {
            String database = cursor.peek().isIdentifier() && !isCharsetWord(cursor.peek()) ? cursor.identifier("a database name") : null;
            Charset charset = charsetOptions(cursor);
            return new AlterDatabase(database, charset.charset, charset.collation);
        }
        if (!cursor.acceptWords("TABLE")) {
            return new Ignored("ALTER " + cursor.peek().text());
        }
        cursor.acceptWords("IF", "EXISTS");
        TableName table = cursor.tableName();
        List<AlterAction> actions = new ArrayList<>();
        while (!cursor.atEnd()) {
            alterAction(cursor, actions);
            if (!cursor.acceptSymbol(",")) {
                if (!cursor.atEnd()) {
                    skipTableOption(cursor); // table options may follow without a comma
                }
            }
        }
        return new AlterTable(table, actions);
    }

    private static boolean isCharsetWord(Token token) {
        return token.isWord("DEFAULT") || token.isWord("CHARACTER") || token.isWord("CHARSET") || token.isWord("COLLATE");
    }

    private static void alterAction(Cursor cursor, List<AlterAction> actions) {
        if (cursor.acceptWords("ADD")) {
            add(cursor, actions);
        } else if (cursor.acceptWords("DROP")) {
            drop(cursor, actions);
        } else if (cursor.acceptWords("MODIFY")) {
            cursor.acceptWords("COLUMN");
            boolean ifExists = cursor.acceptWords("IF", "EXISTS");
            ColumnDefinition column = columnDefinition(cursor);
            actions.add(new ChangeColumn(column.name(), column, position(cursor), ifExists));
        } else if (cursor.acceptWords("CHANGE")) {
            cursor.acceptWords("COLUMN");
            boolean ifExists = cursor.acceptWords("IF", "EXISTS");
            String from = cursor.identifier("the column to change");
            ColumnDefinition column = columnDefinition(cursor);
            actions.add(new ChangeColumn(from, column, position(cursor), ifExists));
        } else if (cursor.acceptWords("ALTER")) {
            alterColumn(cursor, actions);
        } else if (cursor.acceptWords("RENAME")) {
            renameInAlter(cursor, actions);
        } else if (cursor.acceptWords("CONVERT", "TO")) {
            if (!cursor.acceptWords("CHARACTER", "SET")) {
                cursor.expectWord("CHARSET");
            }
            Charset charset = new Charset();
            charset.charset = normalizeCharset(cursor.identifier("a character set name"));
            if (cursor.acceptWords("COLLATE")) {
                cursor.acceptSymbol("=");
                charset.collation = cursor.identifier("a collation name").toLowerCase(Locale.ROOT);
            }
            actions.add(new ConvertCharset(charset.charset, charset.collation));
        } else {
            Charset charset = new Charset();
            if (charset.read(cursor)) {
                actions.add(new DefaultCharset(charset.charset, charset.collation));
            } else {
                cursor.skipToSeparator();
            }
        }
    }

    private static void add(Cursor cursor, List<AlterAction> actions) {
        if (cursor.acceptWords("CONSTRAINT")) {
            if (!cursor.peek().isWord("PRIMARY") && !cursor.peek().isWord("UNIQUE") && !cursor.peek().isWord("FOREIGN")
                    && !cursor.peek().isWord("CHECK")) {
                cursor.identifier("a constraint name");
            }
        }
        if (cursor.acceptWords("PRIMARY", "KEY")) {
            actions.add(new AddPrimaryKey(keyColumns(cursor)));
            cursor.skipToSeparator();
            return;
        }
        Token next = cursor.peek();
        if (next.kind() == Token.Kind.WORD && List.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL", "FOREIGN", "CHECK", "PARTITION",
                "PERIOD", "SYSTEM").contains(next.upper())) {
            cursor.skipToSeparator();
            return;
        }
        cursor.acceptWords("COLUMN");
        boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
        if (cursor.acceptSymbol("(")) {
            do {
                actions.add(new AddColumn(columnDefinition(cursor), ColumnPosition.DEFAULT, ifNotExists));
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
            return;
        }
        ColumnDefinition column = columnDefinition(cursor);
        actions.add(new AddColumn(column, position(cursor), ifNotExists));
    }

    private static void drop(Cursor cursor, List<AlterAction> actions) {
        if (cursor.acceptWords("PRIMARY", "KEY")) {
            actions.add(new DropPrimaryKey());
            return;
        }
        Token next = cursor.peek();
        if (next.kind() == Token.Kind.WORD && List.of("INDEX", "KEY", "FOREIGN", "CHECK", "CONSTRAINT", "PARTITION", "PERIOD", "SYSTEM")
                .contains(next.upper()) && !(cursor.peek(1).isSymbol(",") || cursor.peek(1).kind() == Token.Kind.END)) {
            cursor.skipToSeparator();
            return;
        }
        cursor.acceptWords("COLUMN");
        boolean ifExists = cursor.acceptWords("IF", "EXISTS");
        actions.add(new DropColumn(cursor.identifier("the column to drop"), ifExists));
        cursor.acceptAnyWord("RESTRICT", "CASCADE");
    }

    private static void alterColumn(Cursor cursor, List<AlterAction> actions) {
        if (cursor.peek().isWord("INDEX") || cursor.peek().isWord("CHECK") || cursor.peek().isWord("CONSTRAINT")
                || cursor.peek().isWord("KEY")) {
            cursor.skipToSeparator();
            return;
        }
        cursor.acceptWords("COLUMN");
        cursor.acceptWords("IF", "EXISTS");
        String column = cursor.identifier("a column name");
        if (cursor.acceptWords("SET", "DEFAULT")) {
            actions.add(new AlterColumnDefault(column, defaultExpression(cursor)));
        } else if (cursor.acceptWords("DROP", "DEFAULT")) {
            actions.add(new AlterColumnDefault(column, null));
        } else {
            cursor.skipToSeparator(); // SET VISIBLE / INVISIBLE
        }
    }

    private static void renameInAlter(Cursor cursor, List<AlterAction> actions) {
        if (cursor.acceptWords("COLUMN")) {
            String from = cursor.identifier("the column to rename");
            cursor.expectWord("TO");
            actions.add(new RenameColumn(from, cursor.identifier("the new column name")));
        } else if (cursor.acceptAnyWord("INDEX", "KEY")) {
            cursor.skipToSeparator();
        } else {
            cursor.acceptAnyWord("TO", "AS");
            actions.add(new RenameTable(cursor.tableName()));
        }
    }

    private static ColumnPosition position(Cursor cursor) {
        if (cursor.acceptWords("FIRST")) {
            return ColumnPosition.FIRST;
        }
        if (cursor.acceptWords("AFTER")) {
            return ColumnPosition.after(cursor.identifier("the column to place it after"));
        }
        return ColumnPosition.DEFAULT;
    }

    private static DdlStatement drop(Cursor cursor) {
        if (cursor.acceptAnyWord("TEMPORARY")) {
            return new Ignored("temporary table");
        }
        if (cursor.acceptAnyWord("DATABASE", "SCHEMA")) {
            cursor.acceptWords("IF", "EXISTS");
            return new DropDatabase(cursor.identifier("a database name"));
        }
        if (!cursor.acceptAnyWord("TABLE", "TABLES")) {
            return new Ignored("DROP " + cursor.peek().text());
        }
        boolean ifExists = cursor.acceptWords("IF", "EXISTS");
        List<TableName> tables = new ArrayList<>();
        do {
            tables.add(cursor.tableName());
        } while (cursor.acceptSymbol(","));
        return new DropTables(tables, ifExists);
    }

    private static DdlStatement rename(Cursor cursor) {
        if (!cursor.acceptAnyWord("TABLE", "TABLES")) {
            return new Ignored("RENAME " + cursor.peek().text());
        }
        List<RenameTables.Rename> renames = new ArrayList<>();
        do {
            TableName from = cursor.tableName();
            cursor.acceptWords("WAIT");
            cursor.expectWord("TO");
            renames.add(new RenameTables.Rename(from, cursor.tableName()));
        } while (cursor.acceptSymbol(","));
        return new RenameTables(renames);
    }

    private static Charset charsetOptions(Cursor cursor) {
        Charset charset = new Charset();
        while (!cursor.atEnd()) {
            if (!charset.read(cursor)) {
                cursor.next();
            }
        }
        return charset;
    }

    static String normalizeCharset(String charset) {
        String lower = charset.toLowerCase(Locale.ROOT);
        return lower.equals("utf8") ? "utf8mb3" : lower;
    }

    /** {@code [DEFAULT] CHARACTER SET [=] x} and {@code [DEFAULT] COLLATE [=] y}, in table and database options. */
    private static final class Charset {
        private String charset;
        private String collation;

        boolean read(Cursor cursor) {
            int ahead = cursor.peek().isWord("DEFAULT") ? 1 : 0;
            Token word = cursor.peek(ahead);
            boolean characterSet = word.isWord("CHARACTER") && cursor.peek(ahead + 1).isWord("SET");
            if (!characterSet && !word.isWord("CHARSET") && !word.isWord("COLLATE")) {
                return false;
            }
            for (int i = 0; i < ahead + (characterSet ? 2 : 1); i++) {
                cursor.next();
            }
            cursor.acceptSymbol("=");
            String value = cursor.identifier("a character set or collation name");
            if (word.isWord("COLLATE")) {
                collation = value.toLowerCase(Locale.ROOT);
            } else {
                charset = normalizeCharset(value);
            }
            return true;
        }
    }
}
