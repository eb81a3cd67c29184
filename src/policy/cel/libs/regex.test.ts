import { describe, expect, it } from "vitest";
import { translateRe2 } from "./regex.js";
import { ev } from "./test-env.js";

describe("regex library", () => {
  it("find returns the first match or an empty string", () => {
    expect(ev('"a:b".find("[a-z]+")')).toBe("a");
    expect(ev('"abc 123".find("[0-9]+")')).toBe("123");
    expect(ev('"abc".find("[0-9]+")')).toBe("");
    expect(ev('"".find("x")')).toBe("");
  });

  it("findAll returns all matches, optionally limited", () => {
    expect(ev('object.spec.containers[0].image.findAll(":")', { spec: { containers: [{ image: "nginx:1.25" }] } })).toEqual([":"]);
    expect(ev('"123 abc 456".findAll("[0-9]+")')).toEqual(["123", "456"]);
    expect(ev('"123 abc 456".findAll("[0-9]+", 1)')).toEqual(["123"]);
    expect(ev('"123 abc 456".findAll("[0-9]+", 0)')).toEqual([]);
    expect(ev('"123 abc 456".findAll("[0-9]+", -1)')).toEqual(["123", "456"]);
    expect(ev('"abc".findAll("x")')).toEqual([]);
  });

  it("skips empty matches right after a match, as Go does", () => {
    expect(ev('"baaab".findAll("a*")')).toEqual(["", "aaa", ""]);
  });

  it("understands RE2 syntax", () => {
    expect(ev('"Hello".find("(?i)hello")')).toBe("Hello");
    expect(ev('"key=val".find("(?P<k>[a-z]+)=")')).toBe("key=");
    expect(ev('"a:b".find("\\\\:b")')).toBe(":b");
    expect(ev('"ab12".find("[[:digit:]]+")')).toBe("12");
    expect(ev('"éa".find("\\\\pL+")')).toBe("éa");
    expect(ev('"x\\ny".find("\\\\Ax")')).toBe("x");
    expect(ev('"a.b".find("\\\\Q.\\\\E")')).toBe(".");
    expect(ev('"aAb".find("\\\\x{41}")')).toBe("A");
  });

  it("rejects what RE2 rejects", () => {
    expect(() => ev('"aa".find("(a)\\\\1")')).toThrow(/backreferences/);
    expect(() => ev('"ab".find("a(?=b)")')).toThrow(/lookaround/);
    expect(() => ev('"ab".find("(?<!a)b")')).toThrow(/lookaround/);
    expect(() => ev('"ab".findAll("[a-")')).toThrow(/invalid regular expression/);
    expect(() => ev('"ab".findAll("(")')).toThrow(/invalid regular expression/);
  });

  it("translates patterns", () => {
    expect(translateRe2("(?i)abc")).toEqual({ source: "abc", flags: "gui" });
    expect(translateRe2("[]a]")).toEqual({ source: "[\\]a]", flags: "gu" });
  });
});
