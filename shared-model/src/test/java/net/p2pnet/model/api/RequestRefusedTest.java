package net.p2pnet.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestRefusedTest {

    @Test
    void factoriesCarryTheirStatusAndDetail() {
        assertThat(RequestRefused.badRequest("x").status()).isEqualTo(400);
        assertThat(RequestRefused.unauthorized("x").status()).isEqualTo(401);
        assertThat(RequestRefused.forbidden("x").status()).isEqualTo(403);
        assertThat(RequestRefused.notFound("x").status()).isEqualTo(404);
        assertThat(RequestRefused.conflict("x").status()).isEqualTo(409);
        assertThat(RequestRefused.tooLarge("body too big").status()).isEqualTo(413);
        assertThat(RequestRefused.tooLarge("body too big")).hasMessage("body too big");
    }

    @Test
    void aStatusThatIsNoErrorIsAProgrammingMistake() {
        assertThatThrownBy(() -> new RequestRefused(200, "fine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200");
        assertThatThrownBy(() -> new RequestRefused(600, "?")).isInstanceOf(IllegalArgumentException.class);
    }
}
