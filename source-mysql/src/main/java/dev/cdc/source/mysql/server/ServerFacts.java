package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the connector learned about the server at start: version, global variables, the
 * privileges of its user and that user's account name ({@code 'cdc'@'%'}, as {@code CURRENT_USER()}
 * returns it, quoted for a GRANT statement).
 */
public record ServerFacts(ServerVersion version, Map<String, String> variables, GrantedPrivileges privileges, String account) {
    public ServerFacts {
        requireNonNull(version, "version is null");
        requireNonNull(privileges, "privileges is null");
        requireNonNull(account, "account is null");
        TreeMap<String, String> lowerCase = new TreeMap<>();
        requireNonNull(variables, "variables is null").forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        variables = java.util.Collections.unmodifiableMap(lowerCase);
    }

    /** A global variable; empty when the server does not have it. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name.toLowerCase(Locale.ROOT)));
    }

    public GtidFlavor gtidFlavor() {
        return GtidFlavor.of(version, variable("gtid_mode").orElse(null));
    }

    /** {@code user@host} of {@code CURRENT_USER()} quoted as {@code 'user'@'host'}. */
    static String quoteAccount(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        if (at < 0) {
            return "'" + currentUser + "'";
        }
        return "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
    }
}
