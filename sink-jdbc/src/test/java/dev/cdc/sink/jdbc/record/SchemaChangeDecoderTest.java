package dev.cdc.sink.jdbc.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.sink.jdbc.ChangeEvents;
import dev.cdc.sink.jdbc.SchemaChangeEvents;
import dev.cdc.sink.jdbc.config.TableNameFormat;
import dev.cdc.sink.jdbc.table.TableRef;

class SchemaChangeDecoderTest {
    private final SchemaChangeEvents events = new SchemaChangeEvents();

    @Test
    void recognisesOurSchemaChangeEventsOnly() {
        assertThat(SchemaChangeDecoder.isSchemaChange(events.dropTable(5, "customers"))).isTrue();
        ChangeEvents data = new ChangeEvents("customers", org.apache.kafka.connect.data.SchemaBuilder.struct().optional()
                .field("id", Schema.INT32_SCHEMA).build());
        assertThat(SchemaChangeDecoder.isSchemaChange(data.insert(5, 1))).isFalse();
        assertThat(SchemaChangeDecoder.isSchemaChange(data.tombstone(1))).isFalse();
    }

    @Test
    void parsesTheStructuredChanges() {
        SchemaChangeEvent event = decoder("${source.table}").decode(events.renameColumn(42, "customers", "name", "full_name"));
        assertThat(event.position()).isEqualTo(42);
        assertThat(event.changes()).containsExactly(new SchemaChange.RenameColumn(SchemaChangeEvents.table("customers"), "name", "full_name"));
    }

    @Test
    void namesTargetsAsTheDataEventsOfTheTableAreNamed() {
        SinkRecord record = events.renameTable(7, "customers", "clients");
        SchemaChangeEvent event = decoder("${source.table}").decode(record);
        TableId from = SchemaChangeEvents.table("customers");
        assertThat(decoder("${source.table}").target(record, event, from)).isEqualTo(new TableRef(null, "customers"));
        assertThat(decoder("${topic}").target(record, event, from)).isEqualTo(new TableRef(null, "test_inventory_customers"));
        assertThat(decoder("archive.${source.db}_${source.table}").target(record, event, from))
                .isEqualTo(new TableRef("archive", "inventory_customers"));
        assertThat(decoder("${source.schema}.${source.table}").target(record, event, TableId.ofSchemaTable("public", "orders")))
                .isEqualTo(new TableRef("public", "orders"));
    }

    @Test
    void aMissingNamePartNamesTheRecord() {
        SinkRecord record = events.dropTable(7, "customers");
        SchemaChangeEvent event = decoder("${source.table}").decode(record);
        assertThatThrownBy(() -> decoder("${source.schema}.${source.table}").target(record, event, SchemaChangeEvents.table("customers")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic test.schema-changes partition 0 offset 0")
                .hasMessageContaining("${source.schema} has no value");
    }

    private static SchemaChangeDecoder decoder(String format) {
        return new SchemaChangeDecoder(TableNameFormat.parse(format));
    }
}
