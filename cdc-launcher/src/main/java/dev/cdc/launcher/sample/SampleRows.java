package dev.cdc.launcher.sample;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Deterministic rows of the sample database: row {@code id} of a table is the same on every
 * run (a random generator seeded by table and id), so a reload reproduces the same data.
 */
final class SampleRows {
    private static final String[] FIRST = {"Ana", "Björn", "Chloé", "Dmitri", "Émile", "Fatima", "Grace", "Hiroshi", "Inès", "José",
        "Kwame", "Léa", "Mateo", "Nadia", "Øystein", "Priya", "Quentin", "Rosa", "Søren", "Zoë"};
    private static final String[] LAST = {"García", "Müller", "Nakamura", "O'Brien", "Petrović", "Silva", "Smith", "Søndergaard",
        "Van der Berg", "Wójcik", "Yılmaz", "Zhang"};
    private static final String[] COUNTRIES = {"DE", "FR", "ES", "PT", "US", "JP", "BR", "IN", "NO", "PL", "TR", "CN"};
    private static final String[] TIERS = {"bronze", "silver", "gold"};
    private static final String[] PRODUCT_WORDS = {"Kaffeebecher", "Crème brûlée torch", "Ñandú plush", "Zürich map",
        "Tea kettle 🫖", "Rocket lamp 🚀", "Bento box 🍱", "Pierogi set", "Smørrebrød board", "Çay glass"};
    private static final String[] TAGS = {"", "new", "sale", "eco", "new,eco", "sale,fragile", "new,sale,eco"};
    private static final String[] STATUSES = {"pending", "paid", "shipped", "delivered", "cancelled"};
    private static final String[] NOTES = {null, "leave at the door", "gift wrap 🎁", "call before delivery", "fragile — handle with care"};
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

    private final SampleSizes sizes;

    SampleRows(SampleSizes sizes) {
        this.sizes = requireNonNull(sizes, "sizes is null");
    }

    void bindCustomer(PreparedStatement statement, int id) throws SQLException {
        SplittableRandom random = new SplittableRandom(id * 31L + 1);
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        statement.setInt(1, id);
        statement.setString(2, first);
        statement.setString(3, last);
        statement.setString(4, "customer" + id + "@example.com");
        statement.setString(5, pick(random, COUNTRIES));
        statement.setString(6, pick(random, TIERS));
        if (random.nextInt(10) == 0) {
            statement.setNull(7, Types.VARCHAR);
        } else {
            statement.setString(7, "{\"newsletter\": " + random.nextBoolean() + ", \"language\": \"" + pick(random, COUNTRIES).toLowerCase()
                    + "\", \"interests\": [\"" + pick(random, PRODUCT_WORDS) + "\"]}");
        }
        statement.setTimestamp(8, timestamp(random));
    }

    void bindProduct(PreparedStatement statement, int id) throws SQLException {
        SplittableRandom random = new SplittableRandom(id * 37L + 2);
        statement.setInt(1, id);
        statement.setString(2, String.format("SKU-%06d", id));
        statement.setString(3, pick(random, PRODUCT_WORDS) + " #" + id);
        statement.setString(4, random.nextInt(5) == 0 ? null : "A fine " + pick(random, PRODUCT_WORDS) + ", made with care. ".repeat(1 + random.nextInt(4)));
        statement.setBigDecimal(5, BigDecimal.valueOf(99 + random.nextInt(99_900), 2));
        statement.setDouble(6, Math.round(random.nextDouble(0.05, 25.0) * 1000) / 1000.0);
        statement.setString(7, pick(random, TAGS));
        statement.setTimestamp(8, timestamp(random));
    }

    void bindOrder(PreparedStatement statement, int id) throws SQLException {
        SplittableRandom random = new SplittableRandom(id * 41L + 3);
        int quantity = 1 + random.nextInt(5);
        statement.setLong(1, id);
        statement.setInt(2, 1 + random.nextInt(sizes.customers()));
        statement.setInt(3, 1 + random.nextInt(sizes.products()));
        statement.setInt(4, quantity);
        statement.setBigDecimal(5, BigDecimal.valueOf((long) quantity * (99 + random.nextInt(99_900)), 2));
        statement.setString(6, pick(random, STATUSES));
        statement.setString(7, pick(random, NOTES));
        Timestamp created = timestamp(random);
        statement.setTimestamp(8, created);
        statement.setTimestamp(9, created);
    }

    private static Timestamp timestamp(SplittableRandom random) {
        return Timestamp.valueOf(EPOCH.plusSeconds(random.nextInt(60 * 60 * 24 * 600)).plusNanos(random.nextInt(1000) * 1_000_000L));
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
