package dev.cdc.sink.elasticsearch.bulk;

/** Waits between retries; tests pass one that does not wait. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
