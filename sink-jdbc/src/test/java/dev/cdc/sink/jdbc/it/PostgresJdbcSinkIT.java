package dev.cdc.sink.jdbc.it;

import java.sql.SQLException;

/** The feature suite against the local PostgreSQL 15. */
class PostgresJdbcSinkIT extends JdbcSinkFeatureSuite {
    @Override
    TargetDatabase newTarget() throws SQLException {
        return new PostgresTarget();
    }

    @Override
    String seenAndAt() throws SQLException {
        return target.query("SELECT to_char(seen, 'YYYY-MM-DD HH24:MI:SS.US') || '|' || to_char(at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD HH24:MI:SS.US') AS v FROM " + target.qualified("types")).get(0).get("v").toString();
    }
}
