package dev.cdc.sink.elasticsearch.client;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.config.ConnectionConfig;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Thin wrapper of the low-level {@link RestClient} of elasticsearch-java: every call returns the
 * status and body, error statuses included, and throws only on I/O failure. The sink builds the
 * {@code _bulk} NDJSON itself (exact byte sizes, no per-document builder objects, which on two
 * cores halve throughput) and the few admin request bodies as JSON text. Thread-safe.
 */
public final class ElasticsearchClient implements Closeable {
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    private final RestClient rest;
    private final String urls;

    ElasticsearchClient(RestClient rest, String urls) {
        this.rest = requireNonNull(rest, "rest is null");
        this.urls = requireNonNull(urls, "urls is null");
    }

    /** A client for the configured URLs, credentials, trust store and timeouts; connects lazily. */
    public static ElasticsearchClient create(ConnectionConfig config, String threadPrefix) {
        HttpHost[] hosts = config.urls().stream().map(ElasticsearchClient::host).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout(config.connectionTimeoutMs())
                        .setSocketTimeout(config.readTimeoutMs()))
                .setHttpClientConfigCallback(http -> {
                    AtomicInteger threads = new AtomicInteger();
                    http.setThreadFactory(runnable -> {
                        Thread thread = new Thread(runnable, threadPrefix + "-io-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                    config.username().ifPresent(user -> {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(AuthScope.ANY,
                                new UsernamePasswordCredentials(user, config.password().orElseThrow().value()));
                        http.setDefaultCredentialsProvider(credentials);
                    });
                    config.truststoreLocation().ifPresent(location -> http.setSSLContext(sslContext(config, location)));
                    return http;
                });
        config.apiKey().ifPresent(key -> builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + key.value())}));
        return new ElasticsearchClient(builder.build(), config.describeUrls());
    }

    private static HttpHost host(String url) {
        URI uri = URI.create(url.trim());
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 9200);
        return new HttpHost(uri.getHost(), port, uri.getScheme());
    }

    private static SSLContext sslContext(ConnectionConfig config, String location) {
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(config.truststoreType());
            store.load(in, config.truststorePassword().map(p -> p.value().toCharArray()).orElse(null));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the trust store " + location + " (" + config.truststoreType() + "): " + e, e);
        }
    }

    /** A request with an optional JSON body; error statuses are returned, not thrown. */
    public EsResponse request(String method, String endpoint, String jsonBody) throws IOException {
        Request request = new Request(method, endpoint);
        if (jsonBody != null) {
            request.setEntity(new NStringEntity(jsonBody, ContentType.APPLICATION_JSON));
        }
        return perform(request);
    }

    /** A {@code _bulk} request with an NDJSON body. */
    public EsResponse bulk(byte[] ndjson) throws IOException {
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new ByteArrayEntity(ndjson, NDJSON));
        return perform(request);
    }

    private EsResponse perform(Request request) throws IOException {
        Response response;
        try {
            response = rest.performRequest(request);
        } catch (ResponseException e) {
            response = e.getResponse();
        }
        String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        return new EsResponse(response.getStatusLine().getStatusCode(), body);
    }

    /** The configured URLs, for messages. */
    public String urls() {
        return urls;
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
