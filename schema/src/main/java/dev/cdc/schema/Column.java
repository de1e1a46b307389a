package dev.cdc.schema;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a table: name, 1-based position, logical type, nullability, the default value as
 * the source's SQL expression text ({@code "0"}, {@code "'new'"}, {@code "CURRENT_TIMESTAMP"}),
 * comment, and whether the database fills it (auto-increment, generated).
 *
 * <p>Immutable; build with {@link #builder(String, ColumnType)}. Columns default to nullable, as
 * in SQL. The name is compared exactly (case-sensitive).
 */
public final class Column {
    private final String name;
    private final int position;
    private final ColumnType type;
    private final boolean nullable;
    private final String defaultValueExpression;
    private final String comment;
    private final boolean autoIncrement;
    private final boolean generated;

    private Column(Builder builder) {
        this.name = requireNonNull(builder.name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name is empty");
        }
        if (builder.position < 1) {
            throw new IllegalArgumentException("column '" + name + "' has position " + builder.position + "; positions start at 1");
        }
        this.position = builder.position;
        this.type = requireNonNull(builder.type, "type is null");
        this.nullable = builder.nullable;
        this.defaultValueExpression = builder.defaultValueExpression;
        this.comment = builder.comment;
        this.autoIncrement = builder.autoIncrement;
        this.generated = builder.generated;
    }

    /** A builder for a nullable column at position 1, without default, comment or generation. */
    public static Builder builder(String name, ColumnType type) {
        return new Builder(name, type);
    }

    public Builder toBuilder() {
        return new Builder(name, type).position(position).nullable(nullable).defaultValueExpression(defaultValueExpression)
                .comment(comment).autoIncrement(autoIncrement).generated(generated);
    }

    public String name() {
        return name;
    }

    /** 1-based ordinal position in its table. */
    public int position() {
        return position;
    }

    public ColumnType type() {
        return type;
    }

    public boolean isNullable() {
        return nullable;
    }

    /** The default as the source's SQL expression text; empty when the column has no default. */
    public Optional<String> defaultValueExpression() {
        return Optional.ofNullable(defaultValueExpression);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public boolean isAutoIncrement() {
        return autoIncrement;
    }

    /** True for a column computed by the database (generated / computed column), which a writer must not set. */
    public boolean isGenerated() {
        return generated;
    }

    public Column withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public Column withPosition(int newPosition) {
        return toBuilder().position(newPosition).build();
    }

    public Column withType(ColumnType newType) {
        return toBuilder().type(newType).build();
    }

    public Column withNullable(boolean newNullable) {
        return toBuilder().nullable(newNullable).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column other
                && name.equals(other.name)
                && position == other.position
                && type.equals(other.type)
                && nullable == other.nullable
                && Objects.equals(defaultValueExpression, other.defaultValueExpression)
                && Objects.equals(comment, other.comment)
                && autoIncrement == other.autoIncrement
                && generated == other.generated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, position, type, nullable, defaultValueExpression, comment, autoIncrement, generated);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(name).append(' ').append(type);
        type.nativeTypeName().ifPresent(n -> out.append(" /*").append(n).append("*/"));
        out.append(nullable ? " NULL" : " NOT NULL");
        if (defaultValueExpression != null) {
            out.append(" DEFAULT ").append(defaultValueExpression);
        }
        if (autoIncrement) {
            out.append(" AUTO_INCREMENT");
        }
        if (generated) {
            out.append(" GENERATED");
        }
        return out.append(" @").append(position).toString();
    }

    /** Builds a {@link Column}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String name;
        private int position = 1;
        private ColumnType type;
        private boolean nullable = true;
        private String defaultValueExpression;
        private String comment;
        private boolean autoIncrement;
        private boolean generated;

        private Builder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder position(int position) {
            this.position = position;
            return this;
        }

        public Builder type(ColumnType type) {
            this.type = type;
            return this;
        }

        public Builder nullable(boolean nullable) {
            this.nullable = nullable;
            return this;
        }

        /** The default as SQL expression text; null for no default. */
        public Builder defaultValueExpression(String expression) {
            this.defaultValueExpression = expression;
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public Builder autoIncrement(boolean autoIncrement) {
            this.autoIncrement = autoIncrement;
            return this;
        }

        public Builder generated(boolean generated) {
            this.generated = generated;
            return this;
        }

        public Column build() {
            return new Column(this);
        }
    }
}
