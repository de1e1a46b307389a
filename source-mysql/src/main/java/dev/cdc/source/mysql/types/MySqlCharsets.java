package dev.cdc.source.mysql.types;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Character sets of MySQL and MariaDB: collation ids (as the binlog table maps carry them) to
 * character set names, and character set names to Java charsets for decoding column bytes.
 *
 * <p>The collation table is built in from the ids both servers share, and may be completed from
 * the server's own {@code information_schema.COLLATIONS} with {@link #withCollations(Map)} (MariaDB
 * adds ids from release to release). A MySQL {@code latin1} is Windows-1252, not ISO-8859-1. The
 * few character sets Java lacks ({@code dec8}, {@code hp8}, {@code swe7}, {@code armscii8},
 * {@code keybcs2}, {@code geostd8}) decode as ISO-8859-1, byte for character.
 */
public final class MySqlCharsets {
    /** The collation id of the {@code binary} character set. */
    public static final int BINARY_COLLATION = 63;
    public static final String BINARY = "binary";

    private static final Map<Integer, String> BUILT_IN = builtInCollations();
    private static final Map<String, Charset> JAVA = javaCharsets();

    private final Map<Integer, String> collations;

    private MySqlCharsets(Map<Integer, String> collations) {
        this.collations = Map.copyOf(collations);
    }

    /** The built-in collation table. */
    public static MySqlCharsets builtIn() {
        return new MySqlCharsets(BUILT_IN);
    }

    /** The built-in table completed (and overridden) by a server's {@code ID -> CHARACTER_SET_NAME}. */
    public MySqlCharsets withCollations(Map<Integer, String> serverCollations) {
        requireNonNull(serverCollations, "serverCollations is null");
        Map<Integer, String> merged = new HashMap<>(collations);
        serverCollations.forEach((id, name) -> merged.put(id, name.toLowerCase(Locale.ROOT)));
        return new MySqlCharsets(merged);
    }

    /** The character set name of a collation id, e.g. 45 gives {@code utf8mb4}. */
    public Optional<String> charsetOfCollation(int collationId) {
        return Optional.ofNullable(collations.get(collationId));
    }

    /**
     * The Java charset that decodes a MySQL character set.
     *
     * @throws IllegalArgumentException for {@code binary} and names no server has
     */
    public static Charset javaCharset(String mysqlCharset) {
        requireNonNull(mysqlCharset, "mysqlCharset is null");
        Charset charset = JAVA.get(mysqlCharset.toLowerCase(Locale.ROOT));
        if (charset == null) {
            throw new IllegalArgumentException("'" + mysqlCharset + "' is not a MySQL/MariaDB character set this connector decodes"
                    + (mysqlCharset.equalsIgnoreCase(BINARY) ? " (binary columns carry bytes, not text)" : ""));
        }
        return charset;
    }

    /** Most bytes one character takes in a MySQL character set (4 for utf8mb4, 1 for latin1). */
    public static int maxBytesPerCharacter(String mysqlCharset) {
        return switch (mysqlCharset.toLowerCase(Locale.ROOT)) {
            case "utf8mb4", "utf16", "utf16le", "utf32", "gb18030" -> 4;
            case "utf8mb3", "utf8", "ujis", "eucjpms" -> 3;
            case "ucs2", "big5", "gbk", "gb2312", "sjis", "cp932", "euckr" -> 2;
            default -> 1;
        };
    }

    private static Map<Integer, String> builtInCollations() {
        Map<Integer, String> map = new HashMap<>();
        String[] first = {
            null, "big5", "latin2", "dec8", "cp850", "latin1", "hp8", "koi8r", "latin1", "latin2", // 0-9
            "swe7", "ascii", "ujis", "sjis", "cp1251", "latin1", "hebrew", null, "tis620", "euckr", // 10-19
            "latin7", "latin2", "koi8u", "cp1251", "gb2312", "greek", "cp1250", "latin2", "gbk", "cp1257", // 20-29
            "latin5", "latin1", "armscii8", "utf8mb3", "cp1250", "ucs2", "cp866", "keybcs2", "macce", "macroman", // 30-39
            "cp852", "latin7", "latin7", "macce", "cp1250", "utf8mb4", "utf8mb4", "latin1", "latin1", "latin1", // 40-49
            "cp1251", "cp1251", "cp1251", "macroman", "utf16", "utf16", "utf16le", "cp1256", "cp1257", "cp1257", // 50-59
            "utf32", "utf32", "utf16le", BINARY, "armscii8", "ascii", "cp1250", "cp1256", "cp866", "dec8", // 60-69
            "greek", "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "utf8mb3", "latin2", "latin5", "latin7", // 70-79
            "cp850", "cp852", "swe7", "utf8mb3", "big5", "euckr", "gb2312", "gbk", "sjis", "tis620", // 80-89
            "ucs2", "ujis", "geostd8", "geostd8", "latin1", "cp932", "cp932", "eucjpms", "eucjpms", "cp1250", // 90-99
        };
        for (int id = 0; id < first.length; id++) {
            if (first[id] != null) {
                map.put(id, first[id]);
            }
        }
        range(map, 101, 124, "utf16");
        range(map, 128, 151, "ucs2");
        map.put(159, "ucs2");
        range(map, 160, 183, "utf32");
        range(map, 192, 215, "utf8mb3");
        map.put(223, "utf8mb3");
        range(map, 224, 247, "utf8mb4");
        range(map, 248, 250, "gb18030");
        range(map, 255, 323, "utf8mb4"); // MySQL 8 utf8mb4_0900_* and friends
        map.put(576, "utf8mb3"); // MariaDB utf8mb3_croatian_ci ...
        range(map, 577, 599, "utf8mb3");
        range(map, 608, 631, "utf8mb4");
        // MariaDB NO PAD collations: 1024 + the id of the PAD SPACE collation of the same charset.
        for (int id = 1; id < first.length; id++) {
            if (first[id] != null) {
                map.putIfAbsent(1024 + id, first[id]);
            }
        }
        range(map, 1125, 1151, "utf16");
        range(map, 1152, 1183, "ucs2");
        range(map, 1184, 1207, "utf32");
        range(map, 1216, 1247, "utf8mb3");
        range(map, 1248, 1279, "utf8mb4");
        return map;
    }

    private static void range(Map<Integer, String> map, int from, int to, String charset) {
        for (int id = from; id <= to; id++) {
            map.putIfAbsent(id, charset);
        }
    }

    private static Map<String, Charset> javaCharsets() {
        Map<String, Charset> map = new HashMap<>();
        map.put("utf8mb4", StandardCharsets.UTF_8);
        map.put("utf8mb3", StandardCharsets.UTF_8);
        map.put("utf8", StandardCharsets.UTF_8);
        map.put("ascii", StandardCharsets.US_ASCII);
        map.put("ucs2", StandardCharsets.UTF_16BE);
        map.put("utf16", StandardCharsets.UTF_16BE);
        map.put("utf16le", StandardCharsets.UTF_16LE);
        map.put("utf32", Charset.forName("UTF-32BE"));
        putIfSupported(map, "latin1", "windows-1252");
        putIfSupported(map, "latin2", "ISO-8859-2");
        putIfSupported(map, "latin5", "ISO-8859-9");
        putIfSupported(map, "latin7", "ISO-8859-13");
        putIfSupported(map, "greek", "ISO-8859-7");
        putIfSupported(map, "hebrew", "ISO-8859-8");
        putIfSupported(map, "cp1250", "windows-1250");
        putIfSupported(map, "cp1251", "windows-1251");
        putIfSupported(map, "cp1256", "windows-1256");
        putIfSupported(map, "cp1257", "windows-1257");
        putIfSupported(map, "cp850", "IBM850");
        putIfSupported(map, "cp852", "IBM852");
        putIfSupported(map, "cp866", "IBM866");
        putIfSupported(map, "koi8r", "KOI8-R");
        putIfSupported(map, "koi8u", "KOI8-U");
        putIfSupported(map, "macroman", "x-MacRoman");
        putIfSupported(map, "macce", "x-MacCentralEurope");
        putIfSupported(map, "tis620", "TIS-620");
        putIfSupported(map, "big5", "Big5");
        putIfSupported(map, "gb2312", "GB2312");
        putIfSupported(map, "gbk", "GBK");
        putIfSupported(map, "gb18030", "GB18030");
        putIfSupported(map, "sjis", "Shift_JIS");
        putIfSupported(map, "cp932", "windows-31j");
        putIfSupported(map, "ujis", "EUC-JP");
        putIfSupported(map, "eucjpms", "EUC-JP");
        putIfSupported(map, "euckr", "EUC-KR");
        for (String withoutJavaCharset : new String[] {"dec8", "hp8", "swe7", "armscii8", "keybcs2", "geostd8"}) {
            map.put(withoutJavaCharset, StandardCharsets.ISO_8859_1);
        }
        return Map.copyOf(map);
    }

    private static void putIfSupported(Map<String, Charset> map, String mysqlName, String javaName) {
        map.put(mysqlName, Charset.isSupported(javaName) ? Charset.forName(javaName) : StandardCharsets.ISO_8859_1);
    }
}
