package dev.cdc.source.postgres.ddl;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event triggers that put each DDL statement into the WAL, so that the stream can tell a
 * RENAME COLUMN from a DROP plus ADD and name the statement in schema-change events.
 *
 * <ul>
 *   <li>{@value #DDL_TRIGGER} on {@code ddl_command_end}: for every table (relkind r or p) in
 *   {@code pg_event_trigger_ddl_commands()}, a transactional logical message with prefix
 *   {@value #MESSAGE_PREFIX} and the JSON {@code {"command", "oid", "schema", "table", "column", "ddl"}}
 *   ({@code column}: the column's name after the statement when the command's object is a column,
 *   e.g. the new name of a RENAME COLUMN; {@code ddl}: {@code current_query()}).</li>
 *   <li>{@value #DROP_TRIGGER} on {@code sql_drop}: the same message with {@code command = DROP TABLE}
 *   for every table in {@code pg_event_trigger_dropped_objects()}, since pgoutput says nothing of a
 *   dropped table.</li>
 * </ul>
 * The messages are transactional ({@code pg_logical_emit_message(true, ...)}), so they arrive in
 * the stream inside the DDL's transaction, in order, and never for a rolled back DDL. The
 * functions do nothing when {@code wal_level} is not {@code logical}, the one condition under which
 * {@code pg_logical_emit_message} fails. They have no EXCEPTION block on purpose: its
 * subtransaction made PostgreSQL 15 decode a second message of one transaction after the
 * transaction's next change, which breaks the pairing with Relation messages (seen in
 * {@code DdlCaptureIT}). One pair of triggers serves every
 * connector of the database. Creating an event trigger needs a superuser in PostgreSQL 15; a
 * superuser can also run {@link #installStatements()} by hand for a connector that is not one.
 */
public final class DdlCaptureTrigger {
    /** Prefix of the logical messages of the triggers. */
    public static final String MESSAGE_PREFIX = "cdc-ddl";
    public static final String DDL_TRIGGER = "cdc_ddl_capture";
    public static final String DROP_TRIGGER = "cdc_ddl_drop_capture";
    /** PostgreSQL 14 lets pgoutput send logical messages. */
    public static final int MINIMUM_VERSION = 140000;

    private static final Logger LOG = LoggerFactory.getLogger(DdlCaptureTrigger.class);

    private static final String DDL_FUNCTION = """
            CREATE OR REPLACE FUNCTION public.cdc_ddl_capture() RETURNS event_trigger LANGUAGE plpgsql AS $cdc$
            DECLARE
              command record;
            BEGIN
              IF pg_catalog.current_setting('wal_level') <> 'logical' THEN
                RETURN;
              END IF;
              FOR command IN
                SELECT DISTINCT ON (d.objid) d.command_tag, d.objid, n.nspname, c.relname,
                       CASE WHEN d.objsubid > 0 THEN a.attname END AS column_name
                FROM pg_catalog.pg_event_trigger_ddl_commands() d
                JOIN pg_catalog.pg_class c ON c.oid = d.objid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.objid AND a.attnum = d.objsubid
                WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.relkind IN ('r', 'p')
                ORDER BY d.objid, d.objsubid DESC
              LOOP
                PERFORM pg_catalog.pg_logical_emit_message(true, 'cdc-ddl', pg_catalog.json_build_object(
                  'command', command.command_tag, 'oid', command.objid::pg_catalog.int8, 'schema', command.nspname,
                  'table', command.relname, 'column', command.column_name, 'ddl', pg_catalog.current_query())::text);
              END LOOP;
            END
            $cdc$""";
    private static final String DROP_FUNCTION = """
            CREATE OR REPLACE FUNCTION public.cdc_ddl_drop_capture() RETURNS event_trigger LANGUAGE plpgsql AS $cdc$
            DECLARE
              dropped record;
            BEGIN
              IF pg_catalog.current_setting('wal_level') <> 'logical' THEN
                RETURN;
              END IF;
              FOR dropped IN
                SELECT objid, schema_name, object_name FROM pg_catalog.pg_event_trigger_dropped_objects()
                WHERE object_type = 'table' AND classid = 'pg_catalog.pg_class'::pg_catalog.regclass
              LOOP
                PERFORM pg_catalog.pg_logical_emit_message(true, 'cdc-ddl', pg_catalog.json_build_object(
                  'command', 'DROP TABLE', 'oid', dropped.objid::pg_catalog.int8, 'schema', dropped.schema_name,
                  'table', dropped.object_name, 'column', NULL, 'ddl', pg_catalog.current_query())::text);
              END LOOP;
            END
            $cdc$""";
    private static final String EXISTING = "SELECT count(*) FROM pg_catalog.pg_event_trigger"
            + " WHERE evtname IN ('" + DDL_TRIGGER + "', '" + DROP_TRIGGER + "') AND evtenabled <> 'D'";

    /** What the connector found or did. */
    public enum Status {
        /** The connector created or updated the triggers. */
        INSTALLED,
        /** Someone else created them; the connector uses them. */
        PRESENT,
        /** No triggers and no right to create them: renames look like a drop plus an add. */
        ABSENT,
        /** PostgreSQL before 14: pgoutput cannot send logical messages. */
        UNSUPPORTED
    }

    private DdlCaptureTrigger() {
    }

    /** The statements that install both triggers, for a superuser to run. */
    public static List<String> installStatements() {
        return List.of(DDL_FUNCTION, DROP_FUNCTION,
                "CREATE EVENT TRIGGER " + DDL_TRIGGER + " ON ddl_command_end EXECUTE FUNCTION public." + DDL_TRIGGER + "()",
                "CREATE EVENT TRIGGER " + DROP_TRIGGER + " ON sql_drop EXECUTE FUNCTION public." + DROP_TRIGGER + "()");
    }

    /**
     * Installs the triggers when {@code superuser}, otherwise checks that they exist.
     *
     * @param plain a plain connection in auto-commit mode
     */
    public static Status ensure(Connection plain, boolean superuser, int serverVersionNumber) throws SQLException {
        requireNonNull(plain, "plain is null");
        if (serverVersionNumber < MINIMUM_VERSION) {
            return Status.UNSUPPORTED;
        }
        int existing = existing(plain);
        if (!superuser) {
            return existing == 2 ? Status.PRESENT : Status.ABSENT;
        }
        install(plain, existing == 2);
        return Status.INSTALLED;
    }

    private static void install(Connection plain, boolean triggersExist) throws SQLException {
        plain.setAutoCommit(false);
        try (Statement statement = plain.createStatement()) {
            statement.execute(DDL_FUNCTION);
            statement.execute(DROP_FUNCTION);
            if (!triggersExist) {
                statement.execute("DROP EVENT TRIGGER IF EXISTS " + DDL_TRIGGER);
                statement.execute("DROP EVENT TRIGGER IF EXISTS " + DROP_TRIGGER);
                statement.execute(installStatements().get(2));
                statement.execute(installStatements().get(3));
                LOG.info("Created the event triggers {} and {} that write each DDL into the WAL", DDL_TRIGGER, DROP_TRIGGER);
            }
            plain.commit();
        } catch (SQLException e) {
            plain.rollback();
            if (!"42710".equals(e.getSQLState()) && !"XX000".equals(e.getSQLState()) && !"40001".equals(e.getSQLState())) {
                throw e;
            }
            // another connector created them at the same time
            LOG.debug("Event triggers created concurrently: {}", e.getMessage());
        } finally {
            plain.setAutoCommit(true);
        }
    }

    private static int existing(Connection plain) throws SQLException {
        try (PreparedStatement statement = plain.prepareStatement(EXISTING); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
