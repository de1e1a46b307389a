package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.types.MySqlCharsets;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlTable;
import dev.cdc.source.mysql.types.MySqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a table's definition out of a binlog table map written with
 * {@code binlog_row_metadata=FULL}: names, types, signedness, character sets, ENUM/SET values,
 * geometry subtypes, nullability and primary key. What the table map cannot say: display widths,
 * {@code FLOAT(M,D)}, defaults, that a MariaDB {@code LONGTEXT} holds JSON.
 *
 * <p>Two server differences are handled here. Signedness: the library assigns the flags to
 * TINYINT..BIGINT, DECIMAL, FLOAT, DOUBLE and YEAR; MariaDB writes a flag for YEAR too, MySQL does
 * not, so on MySQL the flags are re-assigned without YEAR. Character sets are listed for
 * CHAR/VARCHAR/BINARY/VARBINARY/TEXT/BLOB columns, and on MariaDB for GEOMETRY columns as well
 * (its geometry field is a blob); ENUM and SET have their own list.
 */
public final class TableMapReader {
    private final MySqlCharsets charsets;
    private final ServerFlavor flavor;

    public TableMapReader(MySqlCharsets charsets, ServerFlavor flavor) {
        this.charsets = requireNonNull(charsets, "charsets is null");
        this.flavor = requireNonNull(flavor, "flavor is null");
    }

    /**
     * The table a table map describes.
     *
     * @throws IllegalArgumentException when the table map has no column names (the server runs with
     *                                  {@code binlog_row_metadata=MINIMAL})
     */
    public MySqlTable read(TableMapEventData tableMap) {
        requireNonNull(tableMap, "tableMap is null");
        TableMapEventMetadata metadata = tableMap.getEventMetadata();
        byte[] types = tableMap.getColumnTypes();
        if (metadata == null || metadata.getColumnNames() == null || metadata.getColumnNames().size() != types.length) {
            throw new IllegalArgumentException("the table map of " + tableMap.getDatabase() + "." + tableMap.getTable()
                    + " carries no column names: the server must run with binlog_row_metadata=FULL");
        }
        int[] meta = tableMap.getColumnMetadata();
        BitSet unsigned = unsignedColumns(types, metadata.getSignedness());
        List<String> columnCharsets = characterColumnCharsets(types, meta, metadata.getDefaultCharset(), metadata.getColumnCharsets());
        List<String> enumSetCharsets = enumAndSetCharsets(types, meta, metadata);
        Values values = new Values(metadata);
        List<MySqlColumn> columns = new ArrayList<>();
        int character = 0;
        int enumOrSet = 0;
        for (int i = 0; i < types.length; i++) {
            int code = realTypeCode(types[i] & 0xFF, meta[i]);
            MySqlType type = switch (ColumnType.byCode(code)) {
                case TINY -> integer(MySqlDataType.TINYINT, unsigned.get(i));
                case SHORT -> integer(MySqlDataType.SMALLINT, unsigned.get(i));
                case INT24 -> integer(MySqlDataType.MEDIUMINT, unsigned.get(i));
                case LONG -> integer(MySqlDataType.INT, unsigned.get(i));
                case LONGLONG -> integer(MySqlDataType.BIGINT, unsigned.get(i));
                case NEWDECIMAL, DECIMAL -> MySqlType.of(MySqlDataType.DECIMAL).withPrecisionAndScale(meta[i] & 0xFF, meta[i] >> 8)
                        .withUnsigned(unsigned.get(i));
                case FLOAT -> MySqlType.of(MySqlDataType.FLOAT).withUnsigned(unsigned.get(i));
                case DOUBLE -> MySqlType.of(MySqlDataType.DOUBLE).withUnsigned(unsigned.get(i));
                case BIT -> MySqlType.of(MySqlDataType.BIT).withLength((meta[i] >> 8) * 8 + (meta[i] & 0xFF));
                case DATE, NEWDATE -> MySqlType.of(MySqlDataType.DATE);
                case TIME, TIME_V2 -> MySqlType.of(MySqlDataType.TIME).withPrecision(meta[i]);
                case DATETIME, DATETIME_V2 -> MySqlType.of(MySqlDataType.DATETIME).withPrecision(meta[i]);
                case TIMESTAMP, TIMESTAMP_V2 -> MySqlType.of(MySqlDataType.TIMESTAMP).withPrecision(meta[i]);
                case YEAR -> MySqlType.of(MySqlDataType.YEAR);
                case ENUM -> MySqlType.of(MySqlDataType.ENUM).withValues(values.nextEnum()).withCharset(enumSetCharsets.get(enumOrSet++));
                case SET -> MySqlType.of(MySqlDataType.SET).withValues(values.nextSet()).withCharset(enumSetCharsets.get(enumOrSet++));
                case STRING -> sized(MySqlDataType.CHAR, columnCharsets.get(character++), stringLength(meta[i]));
                case VARCHAR, VAR_STRING -> sized(MySqlDataType.VARCHAR, columnCharsets.get(character++), meta[i]);
                case BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> blob(columnCharsets.get(character++), meta[i]);
                case JSON -> MySqlType.of(MySqlDataType.JSON);
                case GEOMETRY -> {
                    if (flavor == ServerFlavor.MARIADB && character < columnCharsets.size()) {
                        character++;
                    }
                    yield MySqlType.of(values.nextGeometry());
                }
                default -> throw new IllegalArgumentException("column '" + metadata.getColumnNames().get(i) + "' of "
                        + tableMap.getDatabase() + "." + tableMap.getTable() + " has binlog type " + ColumnType.byCode(code)
                        + " (" + code + "), which this connector does not decode");
            };
            boolean nullable = tableMap.getColumnNullability() == null || tableMap.getColumnNullability().get(i);
            columns.add(new MySqlColumn(metadata.getColumnNames().get(i), type, nullable, null, false, false, null));
        }
        return new MySqlTable(tableMap.getDatabase(), tableMap.getTable(), columns, primaryKey(metadata));
    }

    private static MySqlType integer(MySqlDataType dataType, boolean unsigned) {
        return MySqlType.of(dataType).withUnsigned(unsigned);
    }

    /** CHAR/BINARY and VARCHAR/VARBINARY: {@code maxBytes} is in bytes; text lengths are in characters. */
    private static MySqlType sized(MySqlDataType textType, String charset, int maxBytes) {
        if (charset == null) {
            return MySqlType.of(textType.binaryCounterpart()).withLength(maxBytes);
        }
        return MySqlType.of(textType).withCharset(charset).withLength(maxBytes / MySqlCharsets.maxBytesPerCharacter(charset));
    }

    private static MySqlType blob(String charset, int lengthBytes) {
        MySqlDataType binary = switch (lengthBytes) {
            case 1 -> MySqlDataType.TINYBLOB;
            case 2 -> MySqlDataType.BLOB;
            case 3 -> MySqlDataType.MEDIUMBLOB;
            default -> MySqlDataType.LONGBLOB;
        };
        return charset == null ? MySqlType.of(binary) : MySqlType.of(binary.textCounterpart()).withCharset(charset);
    }

    /** The real type of a STRING column (CHAR, BINARY, ENUM, SET), which MySQL hides in the metadata. */
    static int realTypeCode(int code, int meta) {
        if (code == ColumnType.STRING.getCode() && meta >= 256) {
            int meta0 = meta >> 8;
            return (meta0 & 0x30) != 0x30 ? meta0 | 0x30 : meta0;
        }
        return code;
    }

    /** Byte length of a CHAR/BINARY column from its metadata (lengths above 255 borrow two bits of the type byte). */
    static int stringLength(int meta) {
        if (meta < 256) {
            return meta;
        }
        int meta0 = meta >> 8;
        int meta1 = meta & 0xFF;
        return (meta0 & 0x30) != 0x30 ? meta1 | (((meta0 & 0x30) ^ 0x30) << 4) : meta1;
    }

    private BitSet unsignedColumns(byte[] types, BitSet libraryFlags) {
        BitSet result = new BitSet();
        if (libraryFlags == null) {
            return result;
        }
        List<Integer> libraryNumeric = new ArrayList<>();
        List<Integer> serverNumeric = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            ColumnType type = ColumnType.byCode(types[i] & 0xFF);
            boolean numeric = type == ColumnType.TINY || type == ColumnType.SHORT || type == ColumnType.INT24 || type == ColumnType.LONG
                    || type == ColumnType.LONGLONG || type == ColumnType.NEWDECIMAL || type == ColumnType.FLOAT || type == ColumnType.DOUBLE;
            if (numeric || type == ColumnType.YEAR) {
                libraryNumeric.add(i);
            }
            if (numeric || (type == ColumnType.YEAR && flavor == ServerFlavor.MARIADB)) {
                serverNumeric.add(i);
            }
        }
        for (int flag = 0; flag < serverNumeric.size() && flag < libraryNumeric.size(); flag++) {
            if (libraryFlags.get(libraryNumeric.get(flag))) {
                result.set(serverNumeric.get(flag));
            }
        }
        return result;
    }

    /** Character sets of the character columns in order; null for binary ones. */
    private List<String> characterColumnCharsets(byte[] types, int[] meta, TableMapEventMetadata.DefaultCharset defaults,
            List<Integer> perColumn) {
        int count = 0;
        for (int i = 0; i < types.length; i++) {
            if (isCharacterColumn(types[i] & 0xFF, meta[i])) {
                count++;
            }
        }
        return charsetList(count, defaults, perColumn);
    }

    private boolean isCharacterColumn(int code, int meta) {
        int real = realTypeCode(code, meta);
        return real == ColumnType.STRING.getCode() || real == ColumnType.VARCHAR.getCode() || real == ColumnType.VAR_STRING.getCode()
                || real == ColumnType.BLOB.getCode() || (real == ColumnType.GEOMETRY.getCode() && flavor == ServerFlavor.MARIADB);
    }

    private List<String> enumAndSetCharsets(byte[] types, int[] meta, TableMapEventMetadata metadata) {
        int count = 0;
        for (int i = 0; i < types.length; i++) {
            int real = realTypeCode(types[i] & 0xFF, meta[i]);
            if (real == ColumnType.ENUM.getCode() || real == ColumnType.SET.getCode()) {
                count++;
            }
        }
        return charsetList(count, metadata.getEnumAndSetDefaultCharset(), metadata.getEnumAndSetColumnCharsets());
    }

    private List<String> charsetList(int count, TableMapEventMetadata.DefaultCharset defaults, List<Integer> perColumn) {
        List<String> result = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            Integer collation = null;
            if (perColumn != null && index < perColumn.size()) {
                collation = perColumn.get(index);
            } else if (defaults != null) {
                Map<Integer, Integer> exceptions = defaults.getCharsetCollations();
                collation = exceptions != null && exceptions.containsKey(index) ? exceptions.get(index) : defaults.getDefaultCharsetCollation();
            }
            result.add(charsetName(collation));
        }
        return result;
    }

    private String charsetName(Integer collation) {
        if (collation == null) {
            return "utf8mb4";
        }
        if (collation == MySqlCharsets.BINARY_COLLATION) {
            return null;
        }
        return charsets.charsetOfCollation(collation).orElseThrow(() -> new IllegalArgumentException("collation id " + collation
                + " is not known; the server's information_schema.COLLATIONS should list it"));
    }

    private static List<String> primaryKey(TableMapEventMetadata metadata) {
        List<Integer> indexes = metadata.getSimplePrimaryKeys() != null ? metadata.getSimplePrimaryKeys()
                : metadata.getPrimaryKeysWithPrefix() != null ? new ArrayList<>(metadata.getPrimaryKeysWithPrefix().keySet()) : List.of();
        return indexes.stream().map(index -> metadata.getColumnNames().get(index)).toList();
    }

    /** ENUM values, SET values and geometry subtypes, each list in column order. */
    private static final class Values {
        private static final MySqlDataType[] GEOMETRY_TYPES = {MySqlDataType.GEOMETRY, MySqlDataType.POINT, MySqlDataType.LINESTRING,
            MySqlDataType.POLYGON, MySqlDataType.MULTIPOINT, MySqlDataType.MULTILINESTRING, MySqlDataType.MULTIPOLYGON,
            MySqlDataType.GEOMETRYCOLLECTION};

        private final List<String[]> enums;
        private final List<String[]> sets;
        private final List<Integer> geometries;
        private int nextEnum;
        private int nextSet;
        private int nextGeometry;

        Values(TableMapEventMetadata metadata) {
            this.enums = metadata.getEnumStrValues() == null ? List.of() : metadata.getEnumStrValues();
            this.sets = metadata.getSetStrValues() == null ? List.of() : metadata.getSetStrValues();
            this.geometries = metadata.getGeometryTypes() == null ? List.of() : metadata.getGeometryTypes();
        }

        List<String> nextEnum() {
            return nextEnum < enums.size() ? Arrays.asList(enums.get(nextEnum++)) : List.of();
        }

        List<String> nextSet() {
            return nextSet < sets.size() ? Arrays.asList(sets.get(nextSet++)) : List.of();
        }

        MySqlDataType nextGeometry() {
            int code = nextGeometry < geometries.size() ? geometries.get(nextGeometry++) : 0;
            return code >= 0 && code < GEOMETRY_TYPES.length ? GEOMETRY_TYPES[code] : MySqlDataType.GEOMETRY;
        }
    }
}
