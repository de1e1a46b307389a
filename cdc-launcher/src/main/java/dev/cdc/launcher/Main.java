package dev.cdc.launcher;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.quickstart.QuickstartCommand;
import dev.cdc.launcher.quickstart.QuickstartSettings;
import dev.cdc.launcher.sample.SampleDatabase;
import dev.cdc.launcher.status.StatusCommand;
import dev.cdc.launcher.verify.VerifyCommand;
import dev.cdc.launcher.verify.VerifySettings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** The Java side of {@code bin/cdc}: the commands that talk to the running pipeline. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        ConnectClient connect = new ConnectClient(URI.create(setting("CDC_CONNECT_URL", "http://127.0.0.1:8083")));
        try {
            return switch (command) {
                case "status" -> new StatusCommand(connect, setting("CDC_KAFKA_BOOTSTRAP", "127.0.0.1:9092")).run(rest.contains("--json"), System.out);
                case "sample-db" -> SampleDatabase.fromEnvironment().run(System.out);
                case "verify" -> new VerifyCommand(VerifySettings.from(rest), System.out).run();
                case "quickstart" -> new QuickstartCommand(QuickstartSettings.fromEnvironment(), System.out).run();
                default -> {
                    System.err.println("cdc-launcher: unknown command '" + command + "' (allowed: quickstart, status [--json], verify, sample-db)");
                    yield 2;
                }
            };
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String setting(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
