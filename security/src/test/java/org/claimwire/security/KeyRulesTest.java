package org.claimwire.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRulesTest {

    @Test
    void secretsAreRandomAndStoredOnlyAsTheirHash() {
        String a = ApiKeys.newSecret();
        String b = ApiKeys.newSecret();
        assertThat(a).startsWith("cw_").hasSize(46).isNotEqualTo(b);
        assertThat(ApiKeys.hash(a)).hasSize(64).matches("[0-9a-f]+").isEqualTo(ApiKeys.hash(a)).isNotEqualTo(ApiKeys.hash(b));
        assertThat(ApiKeys.sameHash(ApiKeys.hash(a), ApiKeys.hash(a))).isTrue();
        assertThat(ApiKeys.sameHash(ApiKeys.hash(a), ApiKeys.hash(b))).isFalse();
    }

    @Test
    void keyFromEitherHeader() {
        assertThat(ApiKeys.fromHeaders("k1", null)).isEqualTo("k1");
        assertThat(ApiKeys.fromHeaders(null, "Bearer k2")).isEqualTo("k2");
        assertThat(ApiKeys.fromHeaders(" ", "bearer k3 ")).isEqualTo("k3");
        assertThat(ApiKeys.fromHeaders(null, "Basic abc")).isNull();
        assertThat(ApiKeys.fromHeaders(null, null)).isNull();
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Roles.granted(Roles.ADMIN)).containsExactlyInAnyOrder("admin", "writer", "reader");
        assertThat(Roles.granted(Roles.WRITER)).containsExactlyInAnyOrder("writer", "reader");
        assertThat(Roles.granted(Roles.READER)).containsExactly("reader");
        assertThat(Roles.parse(" Writer ")).isEqualTo("writer");
        assertThatThrownBy(() -> Roles.parse("root")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevocationIsFinalWhateverOrderReportsArriveIn() {
        ApiKey live = new ApiKey("key-1", "n", "writer", "s", List.of("urn:s:"), "h", Instant.EPOCH, null);
        ApiKey revoked = live.revokedAt(Instant.EPOCH.plusSeconds(5));
        KeyDirectory d = new KeyDirectory();
        d.apply(live);
        assertThat(d.active("h")).isPresent();
        d.apply(revoked);
        assertThat(d.active("h")).isEmpty();
        d.apply(live); // a stale copy (a table loaded late, a replayed record) does not bring it back
        assertThat(d.active("h")).isEmpty();
        assertThat(d.byId("key-1")).map(ApiKey::revoked).contains(true);
    }

    @Test
    void writersCreateOnlyUnderTheirPrefixesAndChangeOnlyWhatTheirSourceCreated() {
        WriteScope w = new WriteScope(false, "reuters", List.of("urn:reuters:", "https://reuters.example/"));
        assertThat(w.mayCreate("urn:reuters:1")).isTrue();
        assertThat(w.mayCreate("https://reuters.example/a")).isTrue();
        assertThat(w.mayCreate("urn:ap:1")).isFalse();
        assertThat(w.mayCreate("urn:reuter")).isFalse();
        assertThat(w.mayChange("reuters")).isTrue();
        assertThat(w.mayChange("ap")).isFalse();
        assertThat(w.mayChange(null)).isFalse();
        WriteScope admin = new WriteScope(true, null, List.of());
        assertThat(admin.mayCreate("urn:anything")).isTrue();
        assertThat(admin.mayChange("ap")).isTrue();
        assertThat(admin.mayChange(null)).isTrue();
    }

    @Test
    void originsCompareBySchemeHostAndPort() {
        URI base = URI.create("http://localhost:8081/");
        List<String> extra = List.of("https://newsroom.example");
        assertThat(OriginGuard.allowed("http://localhost:8081", base, extra)).isTrue();
        assertThat(OriginGuard.allowed("HTTP://LOCALHOST:8081", base, extra)).isTrue();
        assertThat(OriginGuard.allowed("https://newsroom.example:443", base, extra)).isTrue();
        assertThat(OriginGuard.allowed("http://localhost:8083", base, extra)).isFalse();
        assertThat(OriginGuard.allowed("https://evil.example", base, extra)).isFalse();
        assertThat(OriginGuard.allowed("null", base, extra)).isFalse();
        assertThat(OriginGuard.normalise("http://a.example")).isEqualTo("http://a.example:80");
    }
}
