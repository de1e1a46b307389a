package dev.cdc.core.thread;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedThreadFactoryTest {

    @Test
    void threadsAreNamedAfterConnectorAndRoleAndAreDaemons() {
        NamedThreadFactory factory = new NamedThreadFactory("inventory", "snapshot-reader");

        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("inventory-snapshot-reader");
        assertThat(second.getName()).isEqualTo("inventory-snapshot-reader-2");
        assertThat(first.isDaemon()).isTrue();
    }
}
