package dev.cdc.core.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The chain of causes of a throwable, walked safely: a cause that points back into the chain (a
 * cycle, e.g. {@code a.initCause(b); b.initCause(a)}) ends the walk instead of looping forever,
 * and the walk stops after {@value #MAX_DEPTH} links.
 */
public final class CauseChain {
    /** Longest chain walked; deeper causes are ignored. */
    public static final int MAX_DEPTH = 100;

    private CauseChain() {
    }

    /**
     * The throwable followed by its causes, outermost first, each at most once.
     *
     * @param throwable the outermost throwable; {@code null} gives an empty list
     */
    public static List<Throwable> of(Throwable throwable) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = throwable; current != null && chain.size() < MAX_DEPTH; current = current.getCause()) {
            if (!seen.add(current)) {
                break;
            }
            chain.add(current);
        }
        return List.copyOf(chain);
    }

    /** Whether any throwable of the chain matches. */
    public static boolean anyMatch(Throwable throwable, Predicate<? super Throwable> predicate) {
        return of(throwable).stream().anyMatch(predicate);
    }

    /**
     * A one-line description of the whole chain, outermost first, for error messages:
     * {@code "ConnectException: reader failed; caused by SQLException: Connection refused"}.
     */
    public static String describe(Throwable throwable) {
        List<String> parts = new ArrayList<>();
        for (Throwable link : of(throwable)) {
            String message = link.getMessage();
            parts.add(link.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        }
        return String.join("; caused by ", parts);
    }
}
