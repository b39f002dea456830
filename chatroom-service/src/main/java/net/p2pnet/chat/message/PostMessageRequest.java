package net.p2pnet.chat.message;

import jakarta.validation.constraints.NotBlank;

/**
 * {@code POST /api/v1/rooms/{name}/messages}: the text (at most 4 KiB of UTF-8) and optionally a shared
 * file as an ed2k or magnet link.
 */
public record PostMessageRequest(@NotBlank(message = "is required") String text, String link) {
}
