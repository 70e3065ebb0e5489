package io.wirebench.transport.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;

/** Protocol-level readiness checks over a plain socket, each bounded by a one-second timeout. */
public final class Probe {
    private static final int TIMEOUT_MILLIS = 1_000;

    private Probe() {
    }

    /** Sends {@code request} and returns what came back (up to {@code limit} bytes), or null if nothing could be read. */
    public static byte[] exchange(String host, int port, byte[] greetingToSkip, byte[] request, int limit) {
        return exchange(host, port, greetingToSkip, request, limit, false);
    }

    /** As {@link #exchange(String, int, byte[], byte[], int)}, over TLS with this run's certificates if {@code tls}. */
    public static byte[] exchange(String host, int port, byte[] greetingToSkip, byte[] request, int limit, boolean tls) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            Socket socket = plain;
            if (tls) {
                SSLSocket secure = (SSLSocket) RunCertificates.get().clientContext().getSocketFactory()
                        .createSocket(plain, host, port, true); // the certificate must name the host dialled
                secure.setSoTimeout(TIMEOUT_MILLIS);
                secure.startHandshake();
                socket = secure;
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (greetingToSkip != null) {
                readUntil(in, greetingToSkip, 8192);
            }
            out.write(request);
            out.flush();
            byte[] buffer = new byte[limit];
            int read = Math.max(0, in.read(buffer));
            return Arrays.copyOf(buffer, read);
        } catch (IOException notYet) {
            return null;
        }
    }

    /** Reads until {@code marker} has been seen (or {@code limit} bytes); false if it was not. */
    static boolean readUntil(InputStream in, byte[] marker, int limit) throws IOException {
        int matched = 0;
        for (int i = 0; i < limit; i++) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            matched = b == (marker[matched] & 0xFF) ? matched + 1 : (b == (marker[0] & 0xFF) ? 1 : 0);
            if (matched == marker.length) {
                return true;
            }
        }
        return false;
    }

    public static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.US_ASCII);
    }
}
