package io.wirebench.transport.http;

import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.access.Security;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What every HTTP client of the suite sends, and how: the endpoint's URL under the service's base URL, the request
 * timeout, the bearer token when security authenticates, and the TLS context (trusting the run's authority, checking
 * the host name) when it encrypts. Each client library applies these its own way.
 */
record HttpCallSettings(String baseUrl, Duration timeout, String authorization, SSLContext tls) {

    static HttpCallSettings of(String baseUrl, TransportSettings settings) {
        Security security = settings.security();
        return new HttpCallSettings(baseUrl, settings.timeout(), security.authenticates() ? "Bearer " + settings.secret() : null,
                security.encrypts() ? settings.clientTls() : null);
    }

    /** The URL of {@code endpoint}: {@code <base>/rpc/<endpoint>}. */
    String url(String endpoint) {
        return baseUrl + "/rpc/" + endpoint;
    }
}
