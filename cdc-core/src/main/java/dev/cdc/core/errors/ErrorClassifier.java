package dev.cdc.core.errors;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Classifies a failure as {@link ErrorKind#RETRIABLE} or {@link ErrorKind#FATAL} by an ordered
 * list of rules; each connector builds one classifier, in one place, and unit-tests it.
 *
 * <p>Contract: the rules are tried in the order they were added; a rule matches when its
 * predicate matches <em>any</em> throwable of the cause chain (walked by {@link CauseChain}, so
 * cycles are safe). The first matching rule decides. After the connector's own rules come two
 * built-in ones: a Connect {@link RetriableException} or a Kafka
 * {@link org.apache.kafka.common.errors.RetriableException} anywhere in the chain is retriable.
 * When nothing matches, the failure is fatal (or the kind given to
 * {@link Builder#otherwise(ErrorKind)}). Put fatal rules first when a fatal cause may be wrapped
 * in a retriable one (an access-denied error inside an I/O error).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ErrorClassifier {
    private static final List<Rule> BUILT_IN_RULES = List.of(
            new Rule("Connect RetriableException", RetriableException.class::isInstance, ErrorKind.RETRIABLE),
            new Rule("Kafka RetriableException", org.apache.kafka.common.errors.RetriableException.class::isInstance,
                    ErrorKind.RETRIABLE));

    private final List<Rule> rules;
    private final ErrorKind otherwise;

    private ErrorClassifier(List<Rule> rules, ErrorKind otherwise) {
        this.rules = List.copyOf(requireNonNull(rules, "rules is null"));
        this.otherwise = requireNonNull(otherwise, "otherwise is null");
    }

    /** A builder with no rules of its own (only the built-in ones). */
    public static Builder builder() {
        return new Builder();
    }

    /** A classifier with only the built-in rules: Connect/Kafka retriable exceptions are retriable, the rest fatal. */
    public static ErrorClassifier defaults() {
        return builder().build();
    }

    /** The kind of the failure, by the first matching rule. */
    public ErrorKind classify(Throwable failure) {
        requireNonNull(failure, "failure is null");
        List<Throwable> chain = CauseChain.of(failure);
        for (Rule rule : rules) {
            if (chain.stream().anyMatch(rule.predicate())) {
                return rule.kind();
            }
        }
        return otherwise;
    }

    /** The name of the rule that decides the failure's kind, or {@code "no rule matched"}; for logs. */
    public String explain(Throwable failure) {
        List<Throwable> chain = CauseChain.of(requireNonNull(failure, "failure is null"));
        return rules.stream()
                .filter(rule -> chain.stream().anyMatch(rule.predicate()))
                .findFirst()
                .map(rule -> rule.kind().name().toLowerCase(Locale.ROOT) + " by rule '" + rule.description() + "'")
                .orElse(otherwise.name().toLowerCase(Locale.ROOT) + " (no rule matched)");
    }

    /**
     * The failure as the exception Connect expects from a task: a {@link RetriableException} when
     * retriable, else a {@link ConnectException}. The message is {@code context}, then the whole
     * cause chain, so the log line alone tells what happened.
     *
     * @param context what was being done, with the state a person needs (position, queue state)
     */
    public ConnectException toConnectException(String context, Throwable failure) {
        requireNonNull(context, "context is null");
        String message = context + ": " + CauseChain.describe(requireNonNull(failure, "failure is null"));
        return classify(failure) == ErrorKind.RETRIABLE
                ? new RetriableException(message, failure)
                : new ConnectException(message, failure);
    }

    /** One classification rule. */
    private record Rule(String description, Predicate<Throwable> predicate, ErrorKind kind) {
        Rule {
            requireNonNull(description, "description is null");
            requireNonNull(predicate, "predicate is null");
            requireNonNull(kind, "kind is null");
        }
    }

    /** Collects rules in order. Not thread-safe; build once at task start. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private ErrorKind otherwise = ErrorKind.FATAL;

        private Builder() {
        }

        /** Retriable when {@code predicate} matches a throwable of the chain. */
        public Builder retriableWhen(String description, Predicate<? super Throwable> predicate) {
            return add(description, predicate, ErrorKind.RETRIABLE);
        }

        /** Fatal when {@code predicate} matches a throwable of the chain. */
        public Builder fatalWhen(String description, Predicate<? super Throwable> predicate) {
            return add(description, predicate, ErrorKind.FATAL);
        }

        /** Retriable when a throwable of the chain is an instance of {@code type}. */
        public Builder retriableOn(Class<? extends Throwable> type) {
            requireNonNull(type, "type is null");
            return retriableWhen(type.getName(), type::isInstance);
        }

        /** Fatal when a throwable of the chain is an instance of {@code type}. */
        public Builder fatalOn(Class<? extends Throwable> type) {
            requireNonNull(type, "type is null");
            return fatalWhen(type.getName(), type::isInstance);
        }

        /** The kind when no rule matches; {@link ErrorKind#FATAL} unless set. */
        public Builder otherwise(ErrorKind kind) {
            this.otherwise = requireNonNull(kind, "kind is null");
            return this;
        }

        public ErrorClassifier build() {
            List<Rule> all = new ArrayList<>(rules);
            all.addAll(BUILT_IN_RULES);
            return new ErrorClassifier(all, otherwise);
        }

        private Builder add(String description, Predicate<? super Throwable> predicate, ErrorKind kind) {
            requireNonNull(predicate, "predicate is null");
            rules.add(new Rule(description, predicate::test, kind));
            return this;
        }
    }
}
