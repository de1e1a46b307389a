package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * When and in what steps a source snapshots its tables: {@code snapshot.mode} and
 * {@code incremental.snapshot.chunk.size}. Every snapshot reads primary-key chunks while the log
 * streams (DBLog watermarks), which is what Debezium calls an incremental snapshot: hence
 * Debezium's key for the chunk size. The modes are the source's own enum {@code M}, declared with
 * its {@link Definition}. Immutable.
 *
 * @param <M> the source's snapshot modes, whose config values are their names in lower case ({@link ConfigEnums})
 */
public final class SnapshotConfig<M extends Enum<M>> {
    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String CHUNK_SIZE = "incremental.snapshot.chunk.size";

    public static final int DEFAULT_CHUNK_SIZE = 1024;
    public static final int MAX_CHUNK_SIZE = 1_000_000;

    static final String GROUP = "Snapshot";

    private final M mode;
    private final int chunkSize;

    public SnapshotConfig(M mode, int chunkSize) {
        this.mode = requireNonNull(mode, "mode is null");
        Validators.between(1, MAX_CHUNK_SIZE, MessageWording.CONNECT).ensureValid(CHUNK_SIZE, chunkSize);
        this.chunkSize = chunkSize;
    }

    /**
     * What differs between the sources' snapshot keys.
     *
     * @param modes             the source's snapshot modes
     * @param parser            parses a {@code snapshot.mode} value, throwing {@link IllegalArgumentException} with
     *                          the message for a bad one (usually {@link ConfigEnums#parse})
     * @param defaultMode       the mode when {@code snapshot.mode} is not set
     * @param modeDocumentation the documentation of {@code snapshot.mode}: what each mode does
     * @param wording           how the message of a missing chunk size is worded
     */
    public record Definition<M extends Enum<M>>(Class<M> modes, Function<String, M> parser, M defaultMode,
            String modeDocumentation, MessageWording wording) {
        public Definition {
            requireNonNull(modes, "modes is null");
            requireNonNull(parser, "parser is null");
            requireNonNull(defaultMode, "defaultMode is null");
            requireNonNull(modeDocumentation, "modeDocumentation is null");
            requireNonNull(wording, "wording is null");
        }

        /** Declares the two keys in {@code definition} and returns it. */
        public ConfigDef define(ConfigDef definition) {
            return definition
                    .define(SNAPSHOT_MODE, Type.STRING, ConfigEnums.configValue(defaultMode), Validators.oneOf(modes, parser),
                            Importance.MEDIUM, modeDocumentation, GROUP, 1, Width.SHORT, "Snapshot mode")
                    .define(CHUNK_SIZE, Type.INT, DEFAULT_CHUNK_SIZE, Validators.between(1, MAX_CHUNK_SIZE, wording), Importance.LOW,
                            "Rows read per primary-key chunk of a snapshot; the snapshot resumes after the last finished chunk.",
                            GROUP, 2, Width.SHORT, "Snapshot chunk size");
        }

        /** The values of a config parsed with a definition made by {@link #define}. */
        public SnapshotConfig<M> from(AbstractConfig config) {
            return new SnapshotConfig<>(parser.apply(config.getString(SNAPSHOT_MODE)), config.getInt(CHUNK_SIZE));
        }
    }

    public M mode() {
        return mode;
    }

    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public String toString() {
        return "snapshot " + ConfigEnums.configValue(mode) + " in chunks of " + chunkSize;
    }
}
