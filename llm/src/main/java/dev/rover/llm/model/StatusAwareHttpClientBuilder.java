package dev.rover.llm.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;

import java.time.Duration;

/** Builds a {@link StatusAwareHttpClient}; handed to LangChain4j model builders. */
public final class StatusAwareHttpClientBuilder implements HttpClientBuilder {

    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public StatusAwareHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public StatusAwareHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        var jdk = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (connectTimeout != null) {
            jdk.connectTimeout(connectTimeout);
        }
        var streamingBuilder = new JdkHttpClientBuilder();
        if (connectTimeout != null) {
            streamingBuilder.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            streamingBuilder.readTimeout(readTimeout);
        }
        var streaming = streamingBuilder.build();
        return new StatusAwareHttpClient(jdk.build(), readTimeout, streaming);
    }
}
