package dev.cdc.launcher.sample;

import java.util.List;

/** The DDL and inserts of the sample database. */
final class SampleSchema {
    static final String INSERT_CUSTOMER = "INSERT INTO customers (id, first_name, last_name, email, country, tier, profile, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_PRODUCT = "INSERT INTO products (id, sku, name, description, price, weight_kg, tags, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_ORDER = "INSERT INTO orders (id, customer_id, product_id, quantity, amount, status, note, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private SampleSchema() {
    }

    static List<String> createTables() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS customers (
                  id INT NOT NULL PRIMARY KEY,
                  first_name VARCHAR(64) NOT NULL,
                  last_name VARCHAR(64) NOT NULL,
                  email VARCHAR(128) NOT NULL,
                  country CHAR(2) NOT NULL,
                  tier ENUM('bronze','silver','gold') NOT NULL DEFAULT 'bronze',
                  profile JSON NULL,
                  created_at DATETIME(3) NOT NULL,
                  UNIQUE KEY uk_customers_email (email)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
                """
                CREATE TABLE IF NOT EXISTS products (
                  id INT NOT NULL PRIMARY KEY,
                  sku VARCHAR(32) NOT NULL,
                  name VARCHAR(200) NOT NULL,
                  description TEXT NULL,
                  price DECIMAL(10,2) NOT NULL,
                  weight_kg DOUBLE NULL,
                  tags SET('new','sale','eco','fragile') NOT NULL DEFAULT '',
                  created_at DATETIME(3) NOT NULL
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
                """
                CREATE TABLE IF NOT EXISTS orders (
                  id BIGINT NOT NULL PRIMARY KEY,
                  customer_id INT NOT NULL,
                  product_id INT NOT NULL,
                  quantity SMALLINT UNSIGNED NOT NULL,
                  amount DECIMAL(12,2) NOT NULL,
                  status ENUM('pending','paid','shipped','delivered','cancelled') NOT NULL,
                  note VARCHAR(200) NULL,
                  created_at DATETIME(3) NOT NULL,
                  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                  KEY ix_orders_customer (customer_id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""");
    }
}
