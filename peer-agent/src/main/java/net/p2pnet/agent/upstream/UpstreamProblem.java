package net.p2pnet.agent.upstream;

import java.nio.charset.StandardCharsets;

/** Short, printable excerpt of an error body a service sent (its problem+json, a bencoded failure...). */
final class UpstreamProblem {

    private static final int MAX = 300;

    private UpstreamProblem() {
    }

    static String describe(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, 0, Math.min(body.length, MAX), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}&&[^\\n]]", "?").replace('\n', ' ');
        return body.length > MAX ? text + "..." : text;
    }
}
