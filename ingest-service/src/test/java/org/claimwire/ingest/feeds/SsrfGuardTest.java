package org.claimwire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {
    final SsrfGuard strict = new SsrfGuard(false, false);

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1/feed", "http://localhost:8080/rss", "http://[::1]/",
                "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
                // IPv4-compatible, NAT64, 6to4, Teredo, link-local, site-local, multicast, IPv4-mapped public
                "http://[::127.0.0.1]/", "http://[::a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/",
                "http://[64:ff9b:1::a9fe:a9fe]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
                "http://[fe80::1]/", "http://[fec0::1]/", "http://[ff02::1]/", "http://[::]/", "http://224.0.0.1/",
                "http://[2001:db8::1]/"}) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(SsrfGuard.Refused.class)
                    .hasMessage(SsrfGuard.NOT_PUBLIC);
        }
    }

    @Test
    void globalIpv6Passes() throws Exception {
        assertThat(strict.check("http://[2606:4700:4700::1111]/feed").getHost()).isEqualTo("[2606:4700:4700::1111]");
    }

    @Test
    void schemesAndCredentialsAreRefused() {
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("only http");
        assertThatThrownBy(() -> strict.check("ftp://203.0.113.9/")).hasMessageContaining("only http");
        assertThatThrownBy(() -> strict.check("http://user:pw@93.184.216.34/")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> strict.check("javascript:alert(1)")).hasMessageContaining("only http");
    }

    @Test
    void publicAddressesAndAllowedLoopbackPass() throws Exception {
        assertThat(strict.check("https://93.184.216.34/rss.xml").getHost()).isEqualTo("93.184.216.34");
        assertThat(new SsrfGuard(true, false).check("http://127.0.0.1:1234/feed").getPort()).isEqualTo(1234);
        assertThatThrownBy(() -> new SsrfGuard(true, false).check("http://10.0.0.1/")).isInstanceOf(SsrfGuard.Refused.class);
    }

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(FeedService.nextDelay(60, 0, 3600)).isEqualTo(Duration.ofSeconds(60));
        assertThat(FeedService.nextDelay(60, 1, 3600)).isEqualTo(Duration.ofSeconds(120));
        assertThat(FeedService.nextDelay(60, 3, 3600)).isEqualTo(Duration.ofSeconds(480));
        assertThat(FeedService.nextDelay(60, 30, 3600)).isEqualTo(Duration.ofSeconds(3600));
    }
}
