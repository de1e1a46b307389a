package dev.cdc.core.queue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdc.core.config.QueueConfig;
import dev.cdc.core.errors.ErrorClassifier;

class ChangeEventQueueTest {
    private static final Duration LONG_POLL = Duration.ofSeconds(30);
    private static final ErrorClassifier IO_IS_RETRIABLE = ErrorClassifier.builder().retriableOn(IOException.class).build();

    private Thread producer;

    @AfterEach
    void stopProducer() throws InterruptedException {
        if (producer != null) {
            producer.interrupt();
            producer.join(5_000);
        }
    }

    @Test
    void pollReturnsItemsInOrderAtMostOneBatchAtATime() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 0, LONG_POLL);
        for (String item : List.of("a", "b", "c")) {
            queue.enqueue(item);
        }

        assertThat(queue.poll()).containsExactly("a", "b");
        assertThat(queue.poll()).containsExactly("c");
        assertThat(queue.size()).isZero();
    }

    @Test
    void pollOnAnEmptyQueueReturnsAnEmptyListAfterThePollInterval() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 0, Duration.ofMillis(50));

        long start = System.nanoTime();
        List<String> batch = queue.poll();

        assertThat(batch).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aWaitingPollReturnsAsSoonAsAnItemArrivesWithoutWaitingToFillTheBatch() throws Exception {
        ChangeEventQueue<String> queue = queue(100, 1000, 0, LONG_POLL);
        AtomicReference<Thread> pollThread = new AtomicReference<>();
        CompletableFuture<List<String>> polled = CompletableFuture.supplyAsync(() -> {
            pollThread.set(Thread.currentThread());
            return pollUnchecked(queue);
        });
        awaitWaitingPoll(pollThread);

        queue.enqueue("a");

        assertThat(polled.get(5, SECONDS)).containsExactly("a");
    }

    @Test
    void aProducerBlockedByAFullQueueIsReleasedByAPoll() throws Exception {
        ChangeEventQueue<String> queue = queue(1, 2, 0, LONG_POLL);
        queue.enqueue("a");
        queue.enqueue("b");
        CompletableFuture<Void> third = startProducer(queue, "c");
        awaitBlocked(producer);
        assertThat(third).isNotDone();

        assertThat(queue.poll()).containsExactly("a");

        third.get(5, SECONDS);
        assertThat(queue.poll()).containsExactly("b");
        assertThat(queue.poll()).containsExactly("c");
    }

    @Test
    void theByteBoundBlocksAProducerUntilAPollFreesEnoughBytes() throws Exception {
        ChangeEventQueue<String> queue = queue(10, 100, 100, LONG_POLL);
        queue.enqueue("x".repeat(60));
        CompletableFuture<Void> second = startProducer(queue, "y".repeat(60));
        awaitBlocked(producer);
        assertThat(queue.sizeInBytes()).isEqualTo(60);
        assertThat(second).isNotDone();

        assertThat(queue.poll()).hasSize(1);

        second.get(5, SECONDS);
        assertThat(queue.sizeInBytes()).isEqualTo(60);
    }

    @Test
    void anItemLargerThanTheWholeByteBoundIsAdmittedIntoAnEmptyQueue() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(10, 100, 10, LONG_POLL);

        queue.enqueue("z".repeat(50));

        assertThat(queue.sizeInBytes()).isEqualTo(50);
        assertThat(queue.poll()).hasSize(1);
        assertThat(queue.sizeInBytes()).isZero();
    }

    @Test
    void aBlockedProducerEndsWithInterruptedExceptionWhenInterrupted() throws Exception {
        ChangeEventQueue<String> queue = queue(1, 2, 0, LONG_POLL);
        queue.enqueue("a");
        queue.enqueue("b");
        CompletableFuture<Void> third = startProducer(queue, "c");
        awaitBlocked(producer);

        producer.interrupt();

        assertThatThrownBy(() -> third.get(5, SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void aReaderErrorIsRethrownOnlyAfterTheItemsBeforeItWereDrained() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 0, LONG_POLL);
        queue.enqueue("a");
        queue.enqueue("b");
        queue.enqueue("c");
        queue.fail(new IOException("Connection reset by peer"));

        assertThat(queue.poll()).containsExactly("a", "b");
        assertThat(queue.poll()).containsExactly("c");
        assertThatThrownBy(queue::poll)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("Reader of inventory failed")
                .hasMessageContaining("3 of 10 events")
                .hasMessageContaining("IOException: Connection reset by peer")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void afterARetriableErrorWasDeliveredTheQueueAcceptsEventsAgain() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 0, Duration.ofMillis(10));
        queue.fail(new IOException("Connection reset by peer"));
        assertThatThrownBy(queue::poll).isInstanceOf(RetriableException.class);

        queue.enqueue("after restart");

        assertThat(queue.poll()).containsExactly("after restart");
    }

    @Test
    void aFatalErrorIsThrownByEveryLaterPollAndRefusesNewEvents() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 0, Duration.ofMillis(10));
        queue.fail(new IllegalArgumentException("cannot decode column 3 of inventory.orders"));

        ConnectException first = catchConnectException(queue);
        ConnectException second = catchConnectException(queue);

        assertThat(first).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("cannot decode column 3 of inventory.orders");
        assertThat(second).isSameAs(first);
        assertThatThrownBy(() -> queue.enqueue("late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer accepts events");
    }

    @Test
    void enqueueAfterAFailureThatWasNotYetDeliveredIsRefused() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 0, LONG_POLL);
        queue.enqueue("a");
        queue.fail(new IOException("gone"));

        assertThatThrownBy(() -> queue.enqueue("b")).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("gone");
        assertThat(queue.poll()).containsExactly("a");
    }

    @Test
    void aFailureWakesAPollThatIsWaitingForEvents() {
        ChangeEventQueue<String> queue = queue(2, 10, 0, LONG_POLL);
        AtomicReference<Thread> pollThread = new AtomicReference<>();
        CompletableFuture<List<String>> polled = CompletableFuture.supplyAsync(() -> {
            pollThread.set(Thread.currentThread());
            return pollUnchecked(queue);
        });
        awaitWaitingPoll(pollThread);

        queue.fail(new IOException("binlog connection lost"));

        assertThatThrownBy(() -> polled.get(5, SECONDS)).hasCauseInstanceOf(RetriableException.class)
                .hasMessageContaining("binlog connection lost");
    }

    @Test
    void aSecondFailureIsKeptAsSuppressed() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 0, Duration.ofMillis(10));
        queue.fail(new IOException("first"));
        queue.fail(new IOException("second"));

        ConnectException thrown = catchConnectException(queue);

        assertThat(thrown.getCause()).hasMessage("first");
        assertThat(thrown.getCause().getSuppressed()).extracting(Throwable::getMessage).containsExactly("second");
    }

    @Test
    void toStringShowsTheQueueState() throws InterruptedException {
        ChangeEventQueue<String> queue = queue(2, 10, 1000, LONG_POLL);
        queue.enqueue("abc");

        assertThat(queue).hasToString("queue of inventory: 1 of 10 events, 3 of 1000 bytes, batches of 2");
        assertThat(queue.remainingCapacity()).isEqualTo(9);
    }

    private static ChangeEventQueue<String> queue(int batch, int size, long bytes, Duration pollInterval) {
        return new ChangeEventQueue<>("inventory", new QueueConfig(batch, size, bytes, pollInterval), String::length, IO_IS_RETRIABLE);
    }

    private CompletableFuture<Void> startProducer(ChangeEventQueue<String> queue, String item) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer = new Thread(() -> {
            try {
                queue.enqueue(item);
                done.complete(null);
            } catch (InterruptedException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "inventory-test-producer");
        producer.start();
        return done;
    }

    private static void awaitBlocked(Thread thread) {
        await().atMost(5, SECONDS).until(() -> thread.getState() == Thread.State.WAITING);
    }

    private static void awaitWaitingPoll(AtomicReference<Thread> pollThread) {
        await().atMost(5, SECONDS).until(() -> pollThread.get() != null
                && pollThread.get().getState() == Thread.State.TIMED_WAITING);
    }

    private static ConnectException catchConnectException(ChangeEventQueue<String> queue) throws InterruptedException {
        try {
            queue.poll();
        } catch (ConnectException e) {
            return e;
        }
        throw new AssertionError("poll() did not throw");
    }

    private static List<String> pollUnchecked(ChangeEventQueue<String> queue) {
        try {
            return queue.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
