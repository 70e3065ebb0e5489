package io.wirebench.transport.redis;

import io.wirebench.transport.RequestDeadline;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The framing the broker-queue transports (Redis) need around a message, since a list entry has no
 * headers: a request is {@code [correlation id: 8][deadline, epoch ms: 8][reply key length: 2][reply key][payload]}
 * ({@link RequestDeadline}), a reply
 * {@code [correlation id: 8][status: 1][payload]} with status 0 for a reply and 1 for an error text.
 */
final class Envelope {
    static final byte OK = 0;
    static final byte ERROR = 1;

    private Envelope() {
    }

    private static final int KEY_AT = 16;

    static byte[] request(long id, long deadline, byte[] replyKey, byte[] payload) {
        return ByteBuffer.allocate(KEY_AT + 2 + replyKey.length + payload.length)
                .putLong(id).putLong(deadline).putShort((short) replyKey.length).put(replyKey).put(payload).array();
    }

    static long deadline(byte[] request) {
        return ByteBuffer.wrap(request, 8, 8).getLong();
    }

    static byte[] reply(long id, byte status, byte[] payload) {
        return ByteBuffer.allocate(9 + payload.length).putLong(id).put(status).put(payload).array();
    }

    static long id(byte[] message) {
        return ByteBuffer.wrap(message).getLong();
    }

    static byte[] replyKey(byte[] request) {
        ByteBuffer b = ByteBuffer.wrap(request, KEY_AT, request.length - KEY_AT);
        byte[] key = new byte[b.getShort() & 0xFFFF];
        b.get(key);
        return key;
    }

    static byte[] requestPayload(byte[] request) {
        int keyLength = ByteBuffer.wrap(request, KEY_AT, 2).getShort() & 0xFFFF;
        int start = KEY_AT + 2 + keyLength;
        byte[] payload = new byte[request.length - start];
        System.arraycopy(request, start, payload, 0, payload.length);
        return payload;
    }

    static byte status(byte[] reply) {
        return reply[8];
    }

    static byte[] replyPayload(byte[] reply) {
        byte[] payload = new byte[reply.length - 9];
        System.arraycopy(reply, 9, payload, 0, payload.length);
        return payload;
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
