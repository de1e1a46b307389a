package dev.cdc.sink.jdbc.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelinedApplierTest {
    private final List<Long> applied = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> slept = Collections.synchronizedList(new ArrayList<>());
    private PipelinedApplier pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void putReturnsWhileTheBatchIsWrittenAndTheNextPutWaitsForIt() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pipeline = pipeline(batch -> {
            writing.countDown();
            await(release);
            batch.forEach(record -> applied.add(record.kafkaOffset()));
        }, 0);
        pipeline.submit(List.of(record(0), record(1)));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(applied).as("submit returned before the batch was written").isEmpty();

        Thread second = new Thread(() -> pipeline.submit(List.of(record(2))));
        second.start();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> second.getState() == Thread.State.WAITING);
        assertThat(applied).as("the next batch waits for the one in flight").isEmpty();
        release.countDown();
        second.join(10_000);
        pipeline.awaitWritten();
        assertThat(applied).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFailedBatchIsThrownByTheNextCall() {
        pipeline = pipeline(batch -> {
            throw new ConnectException("the target refused");
        }, 3);
        pipeline.submit(List.of(record(0)));
        assertThatThrownBy(pipeline::awaitWritten).isInstanceOf(ConnectException.class).hasMessage("the target refused");
        pipeline.awaitWritten();
    }

    @Test
    void aRetriableFailureAppliesTheWholeBatchAgainWithBackoff() {
        AtomicInteger attempts = new AtomicInteger();
        pipeline = pipeline(batch -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RetriableException("table busy");
            }
            batch.forEach(record -> applied.add(record.kafkaOffset()));
        }, 5);
        pipeline.submit(List.of(record(7), record(8)));
        pipeline.awaitWritten();
        assertThat(applied).containsExactly(7L, 8L);
        assertThat(slept).containsExactly(100L, 200L);
    }

    @Test
    void aRetriableFailureBeyondMaxRetriesFailsTheTask() {
        pipeline = pipeline(batch -> {
            throw new RetriableException("table busy");
        }, 2);
        pipeline.submit(List.of(record(0)));
        assertThatThrownBy(pipeline::awaitWritten).isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("gave up after 2 retries");
    }

    private PipelinedApplier pipeline(java.util.function.Consumer<List<SinkRecord>> apply, int maxRetries) {
        return new PipelinedApplier(apply, maxRetries, new Backoff(100, 1_000), slept::add, "test-writer");
    }

    private static SinkRecord record(long offset) {
        return new SinkRecord("t", 0, null, null, null, "v" + offset, offset);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
