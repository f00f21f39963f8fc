package dev.wixbridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written by hand on a socket: the path goes out exactly as given (no client
 * normalises {@code ..} or escapes), and any header may be sent, {@code Connection} among them.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The whole answer as text (status line, headers, body); the connection is closed after it. */
    public static String send(String method, String rawTarget, String... headerLines) {
        try (Socket socket = new Socket("localhost", Deployments.HTTP_PORT)) {
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder(method + " " + rawTarget + " HTTP/1.1\r\n")
                    .append("Host: localhost:").append(Deployments.HTTP_PORT).append("\r\n");
            boolean connectionGiven = false;
            for (String line : headerLines) {
                request.append(line).append("\r\n");
                connectionGiven |= line.regionMatches(true, 0, "Connection:", 0, 11);
            }
            if (!connectionGiven) {
                request.append("Connection: close\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of a raw answer's final response (after any interim {@code 100 Continue}). */
    public static int status(String answer) {
        return Integer.parseInt(finalResponse(answer).substring(9, 12));
    }

    private static String finalResponse(String answer) {
        String rest = answer;
        while (rest.startsWith("HTTP/1.1 1") && rest.contains("\r\n\r\n")) {
            rest = rest.substring(rest.indexOf("\r\n\r\n") + 4);
        }
        return rest;
    }

    /** Reads one answer: up to the end of its Content-Length body, or of the connection. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            answer.write(buffer, 0, n);
            String text = finalResponse(answer.toString(StandardCharsets.ISO_8859_1));
            int end = text.indexOf("\r\n\r\n");
            if (end > 0) {
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, end));
                if (length.find() && text.length() >= end + 4 + Integer.parseInt(length.group(1))) {
                    break;
                }
            }
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
