package net.p2pnet.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import org.junit.jupiter.api.Test;

class ChatroomServiceStartsTest extends ChatServiceTestBase {

    @Test
    void answersHealthMetricsAndOpenApiOverHttp() {
        ChatClient anonymous = ChatClient.withAuthorization(port, null);
        assertThat(anonymous.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = anonymous.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "p2pnet_chat_rooms", "p2pnet_chat_members",
                "p2pnet_chat_messages_total", "p2pnet_chat_stream_subscribers");
        HttpResponse<String> apiDocs = anonymous.get("/v3/api-docs");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("\"openapi\"", "/api/v1/rooms/{name}/events", "\"peerTicket\"")
                .as("the ticket's peer is not a request parameter").doesNotContain("\"name\":\"peer\"");
    }
}
