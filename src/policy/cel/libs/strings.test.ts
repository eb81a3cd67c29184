import { describe, expect, it } from "vitest";
import { stringsLibrary } from "./strings.js";
import { ev, makeEnv } from "./test-env.js";

describe("strings library", () => {
  it("charAt counts code points", () => {
    expect(ev('"hello".charAt(1)')).toBe("e");
    expect(ev('"hello".charAt(5)')).toBe("");
    expect(ev('"a😀b".charAt(1)')).toBe("😀");
    expect(ev('"a😀b".charAt(2)')).toBe("b");
    expect(() => ev('"hello".charAt(6)')).toThrow(/out of range/);
    expect(() => ev('"hello".charAt(-1)')).toThrow(/out of range/);
  });

  it("replace all, or the first n", () => {
    expect(ev('"hello hello".replace("he", "we")')).toBe("wello wello");
    expect(ev('"hello hello".replace("he", "we", 1)')).toBe("wello hello");
    expect(ev('"hello hello".replace("he", "we", -1)')).toBe("wello wello");
    expect(ev('"hello hello".replace("he", "we", 0)')).toBe("hello hello");
    expect(ev('"abc".replace("", "-")')).toBe("-a-b-c-");
    expect(ev('"abc".replace("x", "y")')).toBe("abc");
  });

  it("reverse by code point", () => {
    expect(ev('"abc".reverse()')).toBe("cba");
    expect(ev('"a😀b".reverse()')).toBe("b😀a");
    expect(ev('"".reverse()')).toBe("");
  });

  it("built-ins of cel-js still work", () => {
    expect(ev('"abc".upperAscii()')).toBe("ABC");
    expect(ev('"a,b,c".split(",", 2)')).toEqual(["a", "b,c"]);
    expect(ev('"hello".indexOf("l", 3)')).toBe(3n);
    expect(ev('"hello".lastIndexOf("l", 2)')).toBe(2n);
    expect(ev('["a", "b"].join("-")')).toBe("a-b");
  });

  it("format: %s %d %f %e %x %X %o %b and %%", () => {
    expect(ev('"%s is %d years".format(["Ann", 42])')).toBe("Ann is 42 years");
    expect(ev('"%.2f".format([3.14159])')).toBe("3.14");
    expect(ev('"%f".format([1])')).toBe("1.000000");
    expect(ev('"%.0f".format([2.5])')).toBe("3");
    expect(ev('"%e".format([1234.5678])')).toBe("1.234568e+03");
    expect(ev('"%.2e".format([0.000123])')).toBe("1.23e-04");
    expect(ev('"%x %X".format([255, 255])')).toBe("ff FF");
    expect(ev('"%x".format(["hi"])')).toBe("6869");
    expect(ev('"%x".format([-255])')).toBe("-ff");
    expect(ev('"%o".format([8])')).toBe("10");
    expect(ev('"%b".format([5])')).toBe("101");
    expect(ev('"%b".format([true])')).toBe("1");
    expect(ev('"100%%".format([])')).toBe("100%");
    expect(ev('"%d".format([uint(7)])')).toBe("7");
    expect(ev('"%f".format([double("NaN")])')).toBe("NaN");
  });

  it("format: %s of lists, maps, null, bools, bytes", () => {
    expect(ev('"%s".format([[1, "a", 2.5, null]])')).toBe('[1, "a", 2.5, null]');
    expect(ev('"%s".format([{"b": 2, "a": 1}])')).toBe('{"a": 1, "b": 2}');
    expect(ev('"%s %s".format([true, null])')).toBe("true null");
    expect(ev('"%s".format([b"abc"])')).toBe("abc");
    expect(ev('"%s".format([object.name])', { name: "pod" })).toBe("pod");
  });

  it("format errors", () => {
    expect(() => ev('"%s %s".format(["a"])')).toThrow(/out of range/);
    expect(() => ev('"%q".format(["a"])')).toThrow(/unrecognized formatting clause/);
    expect(() => ev('"%d".format(["a"])')).toThrow(/integers/);
    expect(() => ev('"%d".format([1.5])')).toThrow(/integers/);
    expect(() => ev('"%f".format(["a"])')).toThrow(/numbers/);
    expect(() => ev('"%".format([1])')).toThrow(/unterminated/);
    expect(() => ev('"%x".format([1.5])')).toThrow(/hex/);
  });

  it("strings.quote escapes", () => {
    expect(ev('strings.quote("a\\nb\\t\\"c\\\\")')).toBe('"a\\nb\\t\\"c\\\\"');
    expect(ev('strings.quote("")')).toBe('""');
    expect(ev('strings.quote("ünï")')).toBe('"ünï"');
  });

  it("errors are evaluation errors", () => {
    try {
      ev('"abc".charAt(9)');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).name).toBe("EvaluationError");
    }
  });

  it("registers once per fresh environment and documents itself", () => {
    expect(() => makeEnv()).not.toThrow();
    expect(stringsLibrary.functions.length).toBeGreaterThan(3);
  });
});
