package dev.cdc.sink.elasticsearch.bulk;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A hand-written bulk transport: records every body and answers with scripted responses. */
final class FakeTransport implements BulkTransport {
    /** Decides the answer to one request. */
    @FunctionalInterface
    interface Script {
        EsResponse answer(int requestNumber, List<String> actionLines) throws IOException;
    }

    final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final Script script;

    FakeTransport(Script script) {
        this.script = script;
    }

    /** Answers every item 201. */
    static FakeTransport acceptingAll() {
        return new FakeTransport((n, lines) -> ok(lines.size()));
    }

    @Override
    public EsResponse bulk(byte[] ndjson) throws IOException {
        List<String> actionLines = new ArrayList<>();
        String[] lines = new String(ndjson, StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            if (line.startsWith("{\"index\":") || line.startsWith("{\"delete\":")) {
                actionLines.add(line);
            }
        }
        requests.add(actionLines);
        return script.answer(requests.size(), actionLines);
    }

    static EsResponse ok(int items) {
        return new EsResponse(200, "{\"errors\":false,\"took\":1,\"items\":[" + "{\"index\":{\"status\":201}},".repeat(items)
                .replaceAll(",$", "") + "]}");
    }

    /** A response with errors: each status, with an error type for the 4xx/5xx ones. */
    static EsResponse items(int[] statuses, String[] errorTypes) {
        StringBuilder body = new StringBuilder("{\"took\":1,\"errors\":true,\"items\":[");
        for (int i = 0; i < statuses.length; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"index\":{\"_id\":\"").append(i).append("\",\"status\":").append(statuses[i]);
            if (errorTypes[i] != null) {
                body.append(",\"error\":{\"type\":\"").append(errorTypes[i]).append("\",\"reason\":\"because ").append(i).append("\"}");
            }
            body.append("}}");
        }
        return new EsResponse(200, body.append("]}").toString());
    }
}
