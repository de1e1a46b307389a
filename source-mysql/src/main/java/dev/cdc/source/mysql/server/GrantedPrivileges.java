package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privileges of the connector's user, read from the lines of {@code SHOW GRANTS} (MySQL and
 * MariaDB forms: static and dynamic privileges, {@code ALL PRIVILEGES}, database- and
 * column-level grants, role grants). Privileges that come through roles are not resolved; the
 * roles are listed so that a message can mention them.
 */
public final class GrantedPrivileges {
    private static final Pattern PRIVILEGE_GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE(?: BODY)?)\\s+)?(\\S+)\\s+TO\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLE_GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+TO\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN_LIST = Pattern.compile("\\([^)]*\\)");

    private final Set<String> global;
    private final Set<String> onSomeDatabase;
    private final Set<String> roles;

    private GrantedPrivileges(Set<String> global, Set<String> onSomeDatabase, Set<String> roles) {
        this.global = Set.copyOf(global);
        this.onSomeDatabase = Set.copyOf(onSomeDatabase);
        this.roles = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(roles));
    }

    /** Reads the lines of {@code SHOW GRANTS}. */
    public static GrantedPrivileges parse(List<String> showGrantsLines) {
        requireNonNull(showGrantsLines, "showGrantsLines is null");
        Set<String> global = new HashSet<>();
        Set<String> onSomeDatabase = new HashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        for (String line : showGrantsLines) {
            String trimmed = line.trim();
            Matcher privilege = PRIVILEGE_GRANT.matcher(trimmed);
            if (privilege.find()) {
                Set<String> target = privilege.group(2).equals("*.*") ? global : onSomeDatabase;
                target.addAll(privileges(privilege.group(1)));
                continue;
            }
            Matcher role = ROLE_GRANT.matcher(trimmed);
            if (role.find()) {
                for (String name : role.group(1).split(",")) {
                    roles.add(name.trim().replace("`", "").replace("'", ""));
                }
            }
        }
        return new GrantedPrivileges(global, onSomeDatabase, roles);
    }

    private static Set<String> privileges(String list) {
        Set<String> names = new HashSet<>();
        for (String name : COLUMN_LIST.matcher(list).replaceAll("").split(",")) {
            names.add(name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
        }
        return names;
    }

    /** Whether one of {@code names} (equivalent spellings of one privilege) is granted on {@code *.*}. */
    public boolean hasGlobal(String... names) {
        if (global.contains("ALL PRIVILEGES") || global.contains("ALL")) {
            return true;
        }
        for (String name : names) {
            if (global.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is granted on at least one database or table (not globally). */
    public boolean hasOnSomeDatabase(String name) {
        return onSomeDatabase.contains(name) || onSomeDatabase.contains("ALL PRIVILEGES") || onSomeDatabase.contains("ALL");
    }

    /** Roles granted to the user, in the order of the grants; their privileges are not resolved here. */
    public Set<String> roles() {
        return roles;
    }

    @Override
    public String toString() {
        return "global " + global + ", on databases " + onSomeDatabase + (roles.isEmpty() ? "" : ", roles " + roles);
    }
}
