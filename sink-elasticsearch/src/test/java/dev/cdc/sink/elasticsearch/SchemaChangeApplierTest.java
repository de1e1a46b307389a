package dev.cdc.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.schema.TableId;
import dev.cdc.sink.elasticsearch.event.TableRef;
import org.junit.jupiter.api.Test;

class SchemaChangeApplierTest {
    @Test
    void aMysqlTableIsNamedAsItsChangeEventsName() {
        assertThat(SchemaChangeApplier.tableRef("cdc.schema-changes", TableId.ofCatalogTable("shop", "orders")))
                .isEqualTo(new TableRef("cdc.shop.orders", "shop", null, "orders"));
    }

    @Test
    void aPostgresTableUsesItsSchemaInTheTopic() {
        assertThat(SchemaChangeApplier.tableRef("pg.schema-changes", TableId.of("appdb", "public", "orders")))
                .isEqualTo(new TableRef("pg.public.orders", "appdb", "public", "orders"));
    }
}
