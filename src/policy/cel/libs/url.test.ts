import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

describe("url library", () => {
  it("reads the parts of an absolute URL", () => {
    expect(ev('url("https://example.com:8443/x?a=1").getPort() == "8443"')).toBe(true);
    expect(ev('url("https://example.com:8443/x").getHost()')).toBe("example.com:8443");
    expect(ev('url("https://example.com:8443/x").getHostname()')).toBe("example.com");
    expect(ev('url("HTTPS://example.com/").getScheme()')).toBe("https");
    expect(ev('url("https://example.com").getPort()')).toBe("");
    expect(ev('url("https://example.com").getEscapedPath()')).toBe("");
    expect(ev('url("https://user:pw@example.com/").getHost()')).toBe("example.com");
  });

  it("IPv6 hosts", () => {
    expect(ev('url("https://[::1]:80/").getHostname()')).toBe("::1");
    expect(ev('url("https://[::1]:80/").getHost()')).toBe("[::1]:80");
    expect(ev('url("https://[::1]:80/").getPort()')).toBe("80");
    expect(ev('url("https://[::1]/").getPort()')).toBe("");
  });

  it("absolute paths have no scheme or host", () => {
    expect(ev('url("/path").getScheme()')).toBe("");
    expect(ev('url("/path").getHost()')).toBe("");
    expect(ev('url("/path").getEscapedPath()')).toBe("/path");
  });

  it("escaped paths", () => {
    expect(ev('url("https://example.com/path with spaces/").getEscapedPath()')).toBe("/path%20with%20spaces/");
    expect(ev('url("https://example.com/a%2Fb").getEscapedPath()')).toBe("/a%2Fb");
  });

  it("queries", () => {
    expect(ev('url("https://example.com/path?k1=a&k2=b&k2=c").getQuery() == {"k1": ["a"], "k2": ["b", "c"]}')).toBe(true);
    expect(ev('url("https://example.com/?a=x+y&b=%41").getQuery()["a"][0]')).toBe("x y");
    expect(ev('url("https://example.com/?a=x+y&b=%41").getQuery()["b"]')).toEqual(["A"]);
    expect(ev('size(url("https://example.com/").getQuery())')).toBe(0n);
    expect(ev('url("https://example.com/?flag").getQuery()["flag"]')).toEqual([""]);
    expect(ev('size(url("https://example.com/?a=%zz").getQuery())')).toBe(0n);
  });

  it("isURL and errors", () => {
    expect(ev('isURL("https://example.com")')).toBe(true);
    expect(ev('isURL("/absolute")')).toBe(true);
    expect(ev('isURL("mailto:a@example.com")')).toBe(true);
    expect(ev('isURL("../relative")')).toBe(false);
    expect(ev('isURL("relative")')).toBe(false);
    expect(ev('isURL("")')).toBe(false);
    expect(ev('isURL("https://example.com:port/")')).toBe(false);
    expect(ev('isURL("https://example.com/%zz")')).toBe(false);
    expect(ev('isURL("https://exa mple.com/")')).toBe(false);
    expect(() => ev('url("../relative")')).toThrow(/URL parse error/);
    expect(() => ev('url("http://[::1/")')).toThrow(/URL parse error/);
  });

  it("works on manifest values", () => {
    const webhook = { webhooks: [{ clientConfig: { url: "https://hooks.example.com:443/validate" } }] };
    expect(ev('url(object.webhooks[0].clientConfig.url).getScheme() == "https"', webhook)).toBe(true);
  });
});
