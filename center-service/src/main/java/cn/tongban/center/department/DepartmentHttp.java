package cn.tongban.center.department;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of one department: a {@link RestClient} on the JDK HTTP client with the department's connect and read
 * timeouts, and the translation of what comes back into an {@link Answer} or a {@link DepartmentException}. The
 * clients read the answer themselves, field by field, so that a garbled answer names the field at fault.
 */
public final class DepartmentHttp {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Department department;
    private final RestClient rest;
    private final Duration readTimeout;

    private DepartmentHttp(Department department, RestClient rest, Duration readTimeout) {
        this.department = department;
        this.rest = rest;
        this.readTimeout = readTimeout;
    }

    /**
     * @param builder Boot's builder in the application (observations, trace headers), {@code RestClient.builder()}
     *        elsewhere; it is cloned, not changed
     */
    public static DepartmentHttp create(Department department, RestClient.Builder builder, URI baseUrl,
                                        DepartmentsProperties.Timeouts timeouts) {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(baseUrl, "baseUrl");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(timeouts.readTimeout());
        RestClient rest = builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(factory)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build();
        return new DepartmentHttp(department, rest, timeouts.readTimeout());
    }

    public Department department() {
        return department;
    }

    /** What one answer is turned into, or the exception it is. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Answer answer);
    }

    <T> T get(Reader<T> reader, String uriTemplate, Object... uriVariables) {
        return exchange(rest.get().uri(uriTemplate, uriVariables), reader);
    }

    <T> T post(Reader<T> reader, Map<String, ?> body, Map<String, String> headers, String uriTemplate,
               Object... uriVariables) {
        byte[] json = JSON.writeValueAsBytes(body);
        RestClient.RequestBodySpec spec = rest.post().uri(uriTemplate, uriVariables)
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(json.length)
                .headers(h -> headers.forEach(h::set));
        // written as it is, past the message converters, so that the bytes sent are the ones serialized here
        return exchange(spec.body(out -> out.write(json)), reader);
    }

    private <T> T exchange(RestClient.RequestHeadersSpec<?> spec, Reader<T> reader) {
        Answer answer;
        try {
            answer = spec.exchange((request, response) ->
                    new Answer(department, response.getStatusCode().value(), response.getBody().readAllBytes()), true);
        } catch (ResourceAccessException e) {
            throw translate(e);
        }
        return reader.read(answer);
    }

    private DepartmentUnavailable translate(ResourceAccessException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return DepartmentUnavailable.connectionFailed(department, e);
            }
            if (cause instanceof HttpTimeoutException) {
                return DepartmentUnavailable.timeout(department, readTimeout, e);
            }
        }
        return DepartmentUnavailable.connectionBroken(department, e.getCause() instanceof IOException io ? io : e);
    }
}
