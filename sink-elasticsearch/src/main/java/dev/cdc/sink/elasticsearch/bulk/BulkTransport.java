package dev.cdc.sink.elasticsearch.bulk;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import java.io.IOException;

/** Sends one {@code _bulk} body. Implemented by the Elasticsearch client; tests use fakes. */
@FunctionalInterface
public interface BulkTransport {
    EsResponse bulk(byte[] ndjson) throws IOException;
}
