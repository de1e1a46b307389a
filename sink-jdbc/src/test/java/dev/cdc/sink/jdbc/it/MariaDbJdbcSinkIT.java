package dev.cdc.sink.jdbc.it;

import java.sql.SQLException;

/** The feature suite against the local MariaDB 10.11. */
class MariaDbJdbcSinkIT extends JdbcSinkFeatureSuite {
    @Override
    TargetDatabase newTarget() throws SQLException {
        return new MariaDbTarget();
    }

    @Override
    String seenAndAt() throws SQLException {
        return target.query("SELECT CONCAT(DATE_FORMAT(seen, '%Y-%m-%d %H:%i:%s.%f'), '|', DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f')) AS v FROM "
                + target.qualified("types")).get(0).get("v").toString();
    }
}
