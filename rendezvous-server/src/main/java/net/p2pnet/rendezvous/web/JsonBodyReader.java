package net.p2pnet.rendezvous.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.RequestVerifier;
import net.p2pnet.model.crypto.SignedRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies with a hard size limit, and checks request signatures over the exact
 * bytes received. Controllers use this instead of {@code @RequestBody} because a signature must be
 * verified over the raw body before it is parsed, and because Spring's converters would read an
 * oversized body completely before anyone could refuse it.
 */
@Component
public class JsonBodyReader {

    private final JsonMapper json;

    public JsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    /** The body, at most {@code maxBytes}; a larger one is refused with 413 without reading it all. */
    public byte[] readBytes(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(body.length, maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    /** Parses {@code body} as {@code type}; malformed JSON is a 400 saying where. */
    public <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw RequestRefused.badRequest("request body is empty; expected a JSON " + type.getSimpleName());
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw RequestRefused.badRequest("request body is JSON null; expected a " + type.getSimpleName());
            }
            return value;
        } catch (JacksonException e) {
            throw RequestRefused.badRequest("malformed JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    public <T> T read(HttpServletRequest request, Class<T> type, long maxBytes) {
        return parse(readBytes(request, maxBytes), type);
    }

    /**
     * Reads a signed request's body and verifies its {@code X-P2pnet-*} signature before parsing.
     *
     * @throws net.p2pnet.model.crypto.VerificationException when the signature is missing or wrong
     */
    public byte[] readVerified(HttpServletRequest request, RequestVerifier verifier, long maxBytes) {
        SignedRequest signature = SignedRequest.fromHeaders(request::getHeader);
        byte[] body = readBytes(request, maxBytes);
        verifier.verify(request.getMethod(), pathAndQuery(request), body, signature);
        return body;
    }

    /** The request target as the client signed it: raw path plus query. */
    public static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private static RequestRefused tooLarge(long size, long max) {
        return RequestRefused.tooLarge("request body of " + size + " bytes exceeds the limit of " + max + " bytes");
    }
}
