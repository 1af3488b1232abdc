package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupContactTest {

    @Test
    void anIpv6ClientCountsByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(GroupContact.clientNetwork("2001:db8:1:2::1")).isEqualTo(GroupContact.clientNetwork("2001:0db8:0001:0002:ffff:1:2:3"));
        assertThat(GroupContact.clientNetwork("[2001:db8:1:2::5]")).isEqualTo(GroupContact.clientNetwork("2001:db8:1:2::1"));
        assertThat(GroupContact.clientNetwork("2001:db8:1:3::1")).isNotEqualTo(GroupContact.clientNetwork("2001:db8:1:2::1"));
        assertThat(GroupContact.clientNetwork("192.0.2.1")).isEqualTo("192.0.2.1").isNotEqualTo(GroupContact.clientNetwork("192.0.2.2"));
        assertThat(GroupContact.clientNetwork(null)).isEmpty();
    }
}
