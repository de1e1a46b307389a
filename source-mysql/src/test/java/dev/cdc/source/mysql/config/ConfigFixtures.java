package dev.cdc.source.mysql.config;

import java.util.HashMap;
import java.util.Map;

/** The smallest valid configuration, and variations of it. */
final class ConfigFixtures {
    private ConfigFixtures() {
    }

    static Map<String, String> minimal() {
        Map<String, String> properties = new HashMap<>();
        properties.put("database.hostname", "db.example.com");
        properties.put("database.user", "cdc");
        properties.put("database.server.id", "5400");
        properties.put("topic.prefix", "shop");
        return properties;
    }

    static Map<String, String> with(String key, String value) {
        Map<String, String> properties = minimal();
        properties.put(key, value);
        return properties;
    }

    static Map<String, String> without(String key) {
        Map<String, String> properties = minimal();
        properties.remove(key);
        return properties;
    }
}
