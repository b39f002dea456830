package net.p2pnet.tracker.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The tracker's REST API over real HTTP, with error statuses returned instead of thrown. */
public final class Api {

    private Api() {
    }

    public static RestClient rest(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    /** The multipart form of {@code POST /api/v1/torrents}. */
    public static MultiValueMap<String, Object> form(byte[] torrent, String ed2k) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("torrent", new ByteArrayResource(torrent) {
            @Override
            public String getFilename() {
                return "upload.torrent";
            }
        });
        if (ed2k != null) {
            form.add("ed2k", ed2k);
        }
        return form;
    }

    public static void assertProblem(ResponseEntity<String> response, int status, String detailPart) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("\"detail\"").contains(detailPart);
    }
}
