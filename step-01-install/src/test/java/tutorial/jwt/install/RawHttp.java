package tutorial.jwt.install;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, for the requests no client library sends: a header twice, 16 KiB of
 * header, a chunked body that breaks off, an HTTP version that does not exist. One request per
 * connection ({@code Connection: close}); the body is written while the answer is read, so a server
 * that answers 413 before reading a large body is still heard.
 */
public final class RawHttp {

    private final String method;
    private final String target;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private boolean chunked;
    private boolean contentLength = true;
    private String version = "HTTP/1.1";

    private RawHttp(String method, String target) {
        this.method = method;
        this.target = target;
    }

    public static RawHttp request(String method, String target) {
        return new RawHttp(method, target);
    }

    /** Adds a header line; call it twice for a header sent twice. */
    public RawHttp header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    public RawHttp body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp body(byte[] bytes) {
        body = bytes;
        return this;
    }

    /** Sends the body with {@code Transfer-Encoding: chunked}, in 8 KiB chunks. */
    public RawHttp chunked() {
        chunked = true;
        return this;
    }

    /** No {@code Content-Length} header (and no body framing at all unless chunked). */
    public RawHttp withoutContentLength() {
        contentLength = false;
        return this;
    }

    public RawHttp version(String httpVersion) {
        version = httpVersion;
        return this;
    }

    /** The bytes this request puts on the wire. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " " + version + "\r\n");
        head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (contentLength && (body.length > 0 || method.equals("POST"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunked) {
            for (int start = 0; start < body.length; start += 8192) {
                int length = Math.min(8192, body.length - start);
                out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, start, length);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    public Response send(int port) {
        return send(port, bytes());
    }

    /** Writes {@code wire} as it is and reads the answer. */
    public static Response send(int port, byte[] wire) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(wire);
                    out.flush();
                } catch (IOException serverStoppedReading) {
                    // it answered before reading everything (413, 431): the answer is what counts
                }
            });
            writer.setDaemon(true);
            writer.start();
            byte[] answer = readAll(socket.getInputStream());
            return Response.parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the whole request before reading a byte of the answer, as Python's {@code http.client}
     * and many SDKs do: a server that stops reading and closes early resets this client.
     */
    public Response sendWritingFirst(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes());
            out.flush();
            return Response.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            if (out.size() == 0) {
                throw reset; // reset before any answer: nothing to test
            }
        }
        return out.toByteArray();
    }

    /** A parsed answer: status, headers (names in lowercase), and the body as UTF-8 text. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            while (text.startsWith("HTTP/1.1 1")) { // an interim "100 Continue"
                text = text.substring(text.indexOf("\r\n\r\n") + 4);
            }
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("no complete answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            byte[] rest = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
            List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
            byte[] body = encoding.contains("chunked") ? dechunk(rest) : rest;
            List<String> length = headers.get("content-length");
            if (length != null && Integer.parseInt(length.get(0)) < body.length) {
                body = java.util.Arrays.copyOf(body, Integer.parseInt(length.get(0)));
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String text = new String(chunked, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < text.length()) {
                int lineEnd = text.indexOf("\r\n", at);
                int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.writeBytes(text.substring(lineEnd + 2, lineEnd + 2 + size).getBytes(StandardCharsets.ISO_8859_1));
                at = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }
    }
}
