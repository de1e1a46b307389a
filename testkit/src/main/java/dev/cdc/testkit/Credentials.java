package dev.cdc.testkit;

import static java.util.Objects.requireNonNull;

/** A user name and password for one of the test services. */
public record Credentials(String user, String password) {
    public Credentials {
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    @Override
    public String toString() {
        return user + "/****";
    }
}
