package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.config.ConfigProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CapturedObjectsCheckTest {
    private final Map<String, Set<String>> existing = Map.of(
            "inventory", new TreeSet<>(Set.of("customers", "orders", "products")),
            "shop", new TreeSet<>(Set.of("carts")));

    @Test
    void onlyPlainNamesAreChecked() {
        assertThat(CapturedObjectsCheck.plainDatabases("inventory, shop_.*, sales")).containsExactly("inventory", "sales");
        assertThat(CapturedObjectsCheck.plainTables("inventory.orders,inventory\\.customers,inventory\\..*,shop.cart[s]"))
                .extracting(t -> t[0] + "|" + t[1]).containsExactly("inventory|orders", "inventory|customers");
        assertThat(CapturedObjectsCheck.plainTables(null)).isEmpty();
    }

    @Test
    void missingTableNamesTheTablesThatExist() {
        List<ConfigProblem> problems = CapturedObjectsCheck.problems("127.0.0.1:3306", List.of(),
                CapturedObjectsCheck.plainTables("inventory.orders,inventory.nope"), existing);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("table.include.list");
            assertThat(problem.message()).isEqualTo("table inventory.nope does not exist on 127.0.0.1:3306"
                    + " (tables of inventory: customers, orders, products); entries are <database>.<table>");
        });
    }

    @Test
    void missingDatabaseOfATableOrOfTheDatabaseList() {
        List<ConfigProblem> problems = CapturedObjectsCheck.problems("127.0.0.1:3306", List.of("sales", "Inventory"),
                CapturedObjectsCheck.plainTables("crm.contacts"), existing);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("database.include.list", "table.include.list");
        assertThat(problems.get(0).message()).startsWith("database 'sales' does not exist on 127.0.0.1:3306");
        assertThat(problems.get(1).message()).contains("there is no database 'crm'");
    }

    @Test
    void namesAreMatchedWithoutRegardToCase() {
        assertThat(CapturedObjectsCheck.problems("h:1", List.of("INVENTORY"), CapturedObjectsCheck.plainTables("Inventory.Orders"), existing))
                .isEmpty();
    }
}
