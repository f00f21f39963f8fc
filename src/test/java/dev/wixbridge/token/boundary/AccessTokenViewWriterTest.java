package dev.wixbridge.token.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

class AccessTokenViewWriterTest {

    private final AccessTokenViewWriter writer = new AccessTokenViewWriter();

    @Test
    void writesTheFieldsJsonBWroteInItsOrder() {
        String json = write(new AccessTokenView("9f2e7c1a-0b3d-4e5f-8a6b-7c8d9e0f1a2b", "OauthNG.JWS.abc-def_123",
                Instant.parse("2026-12-06T01:20:00Z")));

        assertThat(json).isEqualTo("{\"accessToken\":\"OauthNG.JWS.abc-def_123\",\"expiresAt\":\"2026-12-06T01:20:00Z\","
                + "\"instanceId\":\"9f2e7c1a-0b3d-4e5f-8a6b-7c8d9e0f1a2b\"}");
    }

    @Test
    void escapesWhatATokenFromWixMightHoldAndKeepsFractionsOfASecond() {
        String token = "a\"b\\c\u00e9\n";
        JsonObject read = Json.createReader(new StringReader(write(new AccessTokenView("site", token,
                Instant.parse("2026-12-06T01:20:00.123456789Z"))))).readObject();

        assertThat(read.getString("accessToken")).isEqualTo(token);
        assertThat(Instant.parse(read.getString("expiresAt"))).isEqualTo(Instant.parse("2026-12-06T01:20:00.123456789Z"));
        assertThat(read.getString("instanceId")).isEqualTo("site");
    }

    @Test
    void writesOnlyTheTokenView() {
        assertThat(writer.isWriteable(AccessTokenView.class, AccessTokenView.class, null, MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(writer.isWriteable(Object.class, Object.class, null, MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }

    private String write(AccessTokenView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(view, AccessTokenView.class, AccessTokenView.class, null, MediaType.APPLICATION_JSON_TYPE, null, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
