package dev.throughline.jira;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer whose body was read (to count its objects for Jira's points), handed on as it
 * came: the body is served again from the bytes kept.
 */
public final class KeptResponse implements ClientHttpResponse {

    private final ClientHttpResponse response;

    private final byte[] body;

    public KeptResponse(ClientHttpResponse response, byte[] body) {
        this.response = response;
        this.body = body.clone();
    }

    @Override
    public HttpStatus getStatusCode() throws IOException {
        return response.getStatusCode();
    }

    @Override
    @Deprecated
    public int getRawStatusCode() throws IOException {
        return response.getRawStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
        return response.getStatusText();
    }

    @Override
    public void close() {
        response.close();
    }

    @Override
    public InputStream getBody() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public HttpHeaders getHeaders() {
        return response.getHeaders();
    }

}
