package dev.cdc.launcher.connect;

/**
 * Turns a Java stack trace, as the Connect REST API reports a failed connector or task, into
 * the one line a person needs: the deepest "Caused by" message, without the stack.
 */
public final class FailureTraces {
    private FailureTraces() {
    }

    /** The innermost cause's "Exception: message" line of a trace, or null for no trace. */
    public static String cause(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        String[] lines = trace.split("\\R");
        String cause = lines[0].trim();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Caused by: ")) {
                cause = trimmed.substring("Caused by: ".length());
            }
        }
        return withoutPackage(cause);
    }

    private static String withoutPackage(String line) {
        int colon = line.indexOf(':');
        String type = colon < 0 ? line : line.substring(0, colon);
        if (type.contains(" ")) {
            return line;
        }
        int dot = type.lastIndexOf('.');
        return dot < 0 ? line : line.substring(dot + 1);
    }
}
