package dev.cdc.launcher.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConnectRestExceptionTest {

    @Test
    void rejectedConfigurationIsOneLineWithEveryError() {
        String connectMessage = """
                Connector configuration is invalid and contains the following 2 error(s):
                Invalid value -5 for configuration batch.size: must be between 1 and 1000000
                Connection to http://127.0.0.1:9299 failed: Connection refused
                You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`
                """;
        ConnectRestException error = new ConnectRestException("PUT", URI.create("http://127.0.0.1:8083/connectors/x/config"), 400, connectMessage);

        assertThat(error.getMessage()).doesNotContain("\n").doesNotContain("You can also find")
                .endsWith("contains the following 2 error(s): Invalid value -5 for configuration batch.size: must be between 1 and 1000000;"
                        + " Connection to http://127.0.0.1:9299 failed: Connection refused");
        assertThat(error.statusCode()).isEqualTo(400);
    }
}
