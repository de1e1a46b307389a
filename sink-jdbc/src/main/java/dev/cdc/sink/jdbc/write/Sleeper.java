package dev.cdc.sink.jdbc.write;

/** Waits; a seam so that tests of retries do not sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
