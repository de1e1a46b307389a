package dev.cdc.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventNamesTest {

    @Test
    void topicNamesFollowDebezium() {
        assertThat(TopicNames.dataTopic("inventory", "shop", "orders")).isEqualTo("inventory.shop.orders");
        assertThat(TopicNames.schemaChangesTopic("inventory")).isEqualTo("inventory.schema-changes");
        assertThat(TopicNames.dataTopic("inventory", "shop", "order lines$")).isEqualTo("inventory.shop.order_lines_");
    }

    @Test
    void operationsHaveDebeziumCodes() {
        assertThat(Operation.forCode("r")).isEqualTo(Operation.READ);
        assertThat(Operation.forCode("t")).isEqualTo(Operation.TRUNCATE);
        assertThat(Operation.find("m")).isEmpty();
        assertThatThrownBy(() -> Operation.forCode("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown operation code 'x'; expected one of r, c, u, d, t");
    }

    @Test
    void transactionOrderNumbersEventsInTotalAndPerTable() {
        TransactionOrder order = new TransactionOrder();
        order.begin("tx-1");

        assertThat(order.next("shop.orders")).isEqualTo(new TransactionBlock("tx-1", 1, 1));
        assertThat(order.next("shop.lines")).isEqualTo(new TransactionBlock("tx-1", 2, 1));
        assertThat(order.next("shop.orders")).isEqualTo(new TransactionBlock("tx-1", 3, 2));

        order.end();
        assertThat(order.current()).isEmpty();
        assertThatThrownBy(() -> order.next("shop.orders")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
        order.begin("tx-2");
        assertThat(order.next("shop.orders")).isEqualTo(new TransactionBlock("tx-2", 1, 1));
    }

    @Test
    void aTransactionBlockRejectsImpossibleOrders() {
        assertThatThrownBy(() -> new TransactionBlock("tx", 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data_collection_order (2) cannot exceed total_order (1)");
    }
}
