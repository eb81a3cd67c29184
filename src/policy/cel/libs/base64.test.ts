import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

describe("base64 library", () => {
  it("encodes bytes", () => {
    expect(ev('base64.encode(b"hello")')).toBe("aGVsbG8=");
    expect(ev('base64.encode(b"")')).toBe("");
    expect(ev('base64.encode(bytes("ü"))')).toBe("w7w=");
  });

  it("decodes with or without padding", () => {
    expect(ev('base64.decode("aGVsbG8=") == b"hello"')).toBe(true);
    expect(ev('base64.decode("aGVsbG8") == b"hello"')).toBe(true);
    expect(ev('base64.decode("").size()')).toBe(0n);
    expect(ev('string(base64.decode(object.data.token))', { data: { token: "c2VjcmV0" } })).toBe("secret");
    expect(ev("base64.decode(base64.encode(b\"\\x00\\xff\")) == b\"\\x00\\xff\"")).toBe(true);
  });

  it("rejects invalid base64", () => {
    expect(() => ev('base64.decode("a")')).toThrow(/illegal base64/);
    expect(() => ev('base64.decode("!!!!")')).toThrow(/illegal base64/);
    expect(() => ev('base64.decode("aGVsbG8=x")')).toThrow(/illegal base64/);
    expect(() => ev('base64.decode("aGVsbG===")')).toThrow(/illegal base64/);
  });
});
