import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

describe("ip library", () => {
  it("parses IPv4 and IPv6", () => {
    expect(ev('ip("10.1.2.3").family()')).toBe(4n);
    expect(ev('ip("2001:db8::1").family()')).toBe(6n);
    expect(ev('ip("2001:0DB8:0:0:0:0:0:1").string()')).toBe("2001:db8::1");
    expect(ev('string(ip("::"))')).toBe("::");
    expect(ev('ip("1:0:0:2:0:0:0:3").string()')).toBe("1:0:0:2::3");
    expect(ev('ip("1:2:3:4:5:6:7:0").string()')).toBe("1:2:3:4:5:6:7:0");
    expect(ev('ip("64:ff9b::10.0.0.1").string()')).toBe("64:ff9b::a00:1");
  });

  it("rejects invalid addresses, zones and IPv4-mapped IPv6", () => {
    expect(() => ev('ip("256.0.0.1")')).toThrow(/parse error/);
    expect(() => ev('ip("010.0.0.1")')).toThrow(/parse error/);
    expect(() => ev('ip("1.2.3")')).toThrow(/parse error/);
    expect(() => ev('ip("1::2::3")')).toThrow(/parse error/);
    expect(() => ev('ip("fe80::1%eth0")')).toThrow(/zone/);
    expect(() => ev('ip("::ffff:1.2.3.4")')).toThrow(/IPv4-mapped/);
    expect(() => ev('ip("10.0.0.0/8")')).toThrow(/parse error/);
    expect(ev('isIP("1.2.3.4")')).toBe(true);
    expect(ev('isIP("::1")')).toBe(true);
    expect(ev('isIP("::ffff:1.2.3.4")')).toBe(false);
    expect(ev('isIP("nope")')).toBe(false);
  });

  it("ip.isCanonical", () => {
    expect(ev('ip.isCanonical("127.0.0.1")')).toBe(true);
    expect(ev('ip.isCanonical("2001:db8::abcd")')).toBe(true);
    expect(ev('ip.isCanonical("2001:DB8::ABCD")')).toBe(false);
    expect(ev('ip.isCanonical("2001:db8:0:0:0:0:0:abcd")')).toBe(false);
    expect(() => ev('ip.isCanonical("bad")')).toThrow(/parse error/);
  });

  it("classifies addresses", () => {
    expect(ev('ip("0.0.0.0").isUnspecified()')).toBe(true);
    expect(ev('ip("::").isUnspecified()')).toBe(true);
    expect(ev('ip("10.0.0.1").isUnspecified()')).toBe(false);
    expect(ev('ip("127.0.0.5").isLoopback()')).toBe(true);
    expect(ev('ip("::1").isLoopback()')).toBe(true);
    expect(ev('ip("::2").isLoopback()')).toBe(false);
    expect(ev('ip("224.0.0.251").isLinkLocalMulticast()')).toBe(true);
    expect(ev('ip("224.0.1.1").isLinkLocalMulticast()')).toBe(false);
    expect(ev('ip("ff02::1").isLinkLocalMulticast()')).toBe(true);
    expect(ev('ip("ff05::1").isLinkLocalMulticast()')).toBe(false);
    expect(ev('ip("169.254.169.254").isLinkLocalUnicast()')).toBe(true);
    expect(ev('ip("fe80::1").isLinkLocalUnicast()')).toBe(true);
    expect(ev('ip("fec0::1").isLinkLocalUnicast()')).toBe(false);
    expect(ev('ip("10.0.0.1").isGlobalUnicast()')).toBe(true);
    expect(ev('ip("2001:db8::1").isGlobalUnicast()')).toBe(true);
    expect(ev('ip("255.255.255.255").isGlobalUnicast()')).toBe(false);
    expect(ev('ip("ff00::1").isGlobalUnicast()')).toBe(false);
    expect(ev('ip("127.0.0.1").isGlobalUnicast()')).toBe(false);
  });

  it("compares addresses", () => {
    expect(ev('ip("::1") == ip("0:0::1")')).toBe(true);
    expect(ev('ip("10.0.0.1") == ip("10.0.0.2")')).toBe(false);
  });
});

describe("cidr library", () => {
  it("containsIP with IPs and strings", () => {
    expect(ev('cidr("10.0.0.0/8").containsIP("10.1.2.3")')).toBe(true);
    expect(ev('cidr("10.0.0.0/8").containsIP(ip("11.1.2.3"))')).toBe(false);
    expect(ev('cidr("2001:db8::/32").containsIP("2001:db8:1::1")')).toBe(true);
    expect(ev('cidr("2001:db8::/32").containsIP("2001:db9::1")')).toBe(false);
    expect(ev('cidr("0.0.0.0/0").containsIP("1.2.3.4")')).toBe(true);
    expect(ev('cidr("::/0").containsIP("1.2.3.4")')).toBe(false);
    expect(() => ev('cidr("10.0.0.0/8").containsIP("nope")')).toThrow(/parse error/);
  });

  it("containsCIDR", () => {
    expect(ev('cidr("10.0.0.0/8").containsCIDR("10.1.0.0/16")')).toBe(true);
    expect(ev('cidr("10.1.0.0/16").containsCIDR("10.0.0.0/8")')).toBe(false);
    expect(ev('cidr("10.0.0.0/8").containsCIDR(cidr("10.0.0.0/8"))')).toBe(true);
    expect(ev('cidr("::/0").containsCIDR("10.0.0.0/8")')).toBe(false);
    expect(() => ev('cidr("10.0.0.0/8").containsCIDR("10.0.0.0")')).toThrow(/invalid CIDR/);
  });

  it("parts", () => {
    expect(ev('cidr("192.168.0.1/24").ip().string()')).toBe("192.168.0.1");
    expect(ev('cidr("192.168.0.1/24").masked().string()')).toBe("192.168.0.0/24");
    expect(ev('cidr("2001:db8::1/32").masked().string()')).toBe("2001:db8::/32");
    expect(ev('cidr("192.168.0.1/24").prefixLength()')).toBe(24n);
    expect(ev('cidr("192.168.0.1/24").string()')).toBe("192.168.0.1/24");
    expect(ev('string(cidr("::1/128"))')).toBe("::1/128");
    expect(ev('cidr("10.0.0.0/8") == cidr("10.0.0.0/8")')).toBe(true);
    expect(ev('cidr("10.0.0.0/8") == cidr("10.0.0.0/9")')).toBe(false);
    expect(ev('cidr("192.168.0.1/24").masked() == cidr("192.168.0.0/24")')).toBe(true);
  });

  it("rejects invalid CIDRs", () => {
    expect(() => ev('cidr("10.0.0.0/33")')).toThrow(/bad bits/);
    expect(() => ev('cidr("10.0.0.0/08")')).toThrow(/bad bits/);
    expect(() => ev('cidr("2001:db8::/129")')).toThrow(/bad bits/);
    expect(() => ev('cidr("10.0.0.0")')).toThrow(/invalid CIDR/);
    expect(() => ev('cidr("fe80::%eth0/64")')).toThrow(/zone/);
    expect(ev('isCIDR("10.0.0.0/8")')).toBe(true);
    expect(ev('isCIDR("::/0")')).toBe(true);
    expect(ev('isCIDR("10.0.0.0/x")')).toBe(false);
  });
});
