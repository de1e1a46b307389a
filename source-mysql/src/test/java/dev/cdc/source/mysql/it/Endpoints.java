package dev.cdc.source.mysql.it;

import dev.cdc.source.mysql.config.ConnectionConfig;
import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import java.util.HashMap;
import java.util.Map;

/** Connector properties pointing at the real test server. */
public final class Endpoints {
    private Endpoints() {
    }

    /** The least-privileged connector user, with a server id unlikely to clash. */
    public static Map<String, String> connectorProperties() {
        return properties(TestStack.get().mysqlConnectorUser());
    }

    public static Map<String, String> properties(Credentials user) {
        TestStack stack = TestStack.get();
        Map<String, String> properties = new HashMap<>();
        properties.put("database.hostname", stack.mysqlHost());
        properties.put("database.port", String.valueOf(stack.mysqlPort()));
        properties.put("database.user", user.user());
        properties.put("database.password", user.password());
        properties.put("database.server.id", String.valueOf(6000 + (ProcessHandle.current().pid() % 1000)));
        properties.put("topic.prefix", "it");
        properties.put("connect.timeout.ms", "5000");
        return properties;
    }

    public static ConnectionConfig connection(Map<String, String> properties) {
        return ConnectionConfig.parse(properties);
    }
}
