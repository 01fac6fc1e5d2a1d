package dev.st4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small JSON-over-HTTP client for the trackers' and the Hub's REST APIs. Failures are one-line
 * {@link IOException}s naming the service and the HTTP status; header values (tokens) never appear in
 * them.
 */
public final class JsonHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String service;
    private final Map<String, String> headers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A client for {@code service} (named in messages) that sends {@code headers} with every request. */
    public JsonHttp(String service, Map<String, String> headers) {
        this.service = service;
        this.headers = Map.copyOf(headers);
    }

    /** POSTs a JSON body and returns the parsed response (an empty object for an empty body). */
    public JsonNode post(String url, Object body) throws IOException {
        return send(url, "POST", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
    }

    /** GETs a URL and returns the parsed response. */
    public JsonNode get(String url) throws IOException {
        return send(url, "GET", HttpRequest.BodyPublishers.noBody(), null);
    }

    /** Sends any body and returns the parsed response. */
    public JsonNode send(String url, String method, HttpRequest.BodyPublisher body, String contentType) throws IOException {
        HttpResponse<String> r = exchange(url, method, body, contentType);
        if (r.statusCode() / 100 != 2) {
            throw new HttpStatusException(service + ": " + method + " " + URI.create(url).getPath() + " answered HTTP "
                    + r.statusCode(), r.statusCode());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    /** Sends a request and returns the raw response, whatever its status. */
    public HttpResponse<String> exchange(String url, String method, HttpRequest.BodyPublisher body, String contentType) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).method(method, body);
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(service + ": request interrupted");
        } catch (IOException e) {
            throw new IOException(service + ": cannot reach " + URI.create(url).getHost() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A response with a non-2xx status. */
    public static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HttpStatusException(String message, int status) {
            super(message);
            this.status = status;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }
    }
}
