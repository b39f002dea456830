package net.p2pnet.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.tracker.support.Api;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.RawHttp;
import net.p2pnet.tracker.support.Torrents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Request bodies have a budget before they are read: the replayed attack uploaded 450 MB as a
 * torrent, and the tracker read all of it. Uploads get the shared torrent limit
 * ({@link Metainfo#MAX_TORRENT_BYTES}) plus form overhead; other requests {@code max-request-body}.
 */
@OpenTrackerTest
class RequestBodyLimitTest {

    @LocalServerPort
    private int port;
    @TempDir
    private Path dir;

    @Test
    void aDeclaredOversizedBodyIsRefusedWithoutReadingIt() throws Exception {
        String raw = RawHttp.headOnly(port, "POST", "/api/v1/torrents",
                "Content-Type: application/x-bittorrent\r\nContent-Length: 471859200\r\n", new byte[1024]);
        assertThat(raw).startsWith("HTTP/1.1 413").contains("application/problem+json");
        String form = RawHttp.headOnly(port, "POST", "/api/v1/torrents",
                "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                        + (ApiWebConfiguration.TORRENT_UPLOAD_LIMIT + 1) + "\r\n", new byte[10]);
        assertThat(form).startsWith("HTTP/1.1 413");
        // Spring's form filter would read a DELETE's form body: other requests get 64 KB
        String delete = RawHttp.headOnly(port, "DELETE", "/api/v1/torrents/" + "0".repeat(40),
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 104857600\r\n", new byte[10]);
        assertThat(delete).startsWith("HTTP/1.1 413");
        assertRegistrationsStillWork("after-declared.bin");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheTorrentLimit() throws Exception {
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/torrents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-bittorrent\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            // 17 MiB: over the limit, and the rest after it small enough for Tomcat to swallow
            for (int i = 0; i < 17 * 16; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            answer = readHead(socket.getInputStream());
        }
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertRegistrationsStillWork("after-chunked.bin");
    }

    private void assertRegistrationsStillWork(String name) throws Exception {
        assertThat(Api.rest(port).post().uri("/api/v1/torrents").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(Api.form(Torrents.singleFile(dir, name, 3000), null)).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(201);
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && !head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
