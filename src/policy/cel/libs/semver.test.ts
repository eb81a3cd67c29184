import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

describe("semver library", () => {
  it("parses and reads parts", () => {
    expect(ev('semver("1.2.3").major()')).toBe(1n);
    expect(ev('semver("1.2.3").minor()')).toBe(2n);
    expect(ev('semver("1.2.3-rc.1+build.5").patch()')).toBe(3n);
    expect(ev('isSemver("1.2.3-alpha")')).toBe(true);
  });

  it("rejects what is not strict semver", () => {
    expect(() => ev('semver("v1.2.3")')).toThrow(/invalid semver/);
    expect(() => ev('semver("1.2")')).toThrow(/invalid semver/);
    expect(() => ev('semver("01.2.3")')).toThrow(/invalid semver/);
    expect(() => ev('semver("1.2.3-01")')).toThrow(/leading zero/);
    expect(() => ev('semver("1.2.3-")')).toThrow(/invalid semver/);
    expect(ev('isSemver("1.2.3.4")')).toBe(false);
    expect(ev('isSemver("")')).toBe(false);
  });

  it("normalizes on request", () => {
    expect(ev('semver("v1.2", true) == semver("1.2.0")')).toBe(true);
    expect(ev('semver("v01.02.03", true).minor()')).toBe(2n);
    expect(ev('isSemver("v1", true)')).toBe(true);
    expect(ev('isSemver("v1", false)')).toBe(false);
  });

  it("compares by semver precedence", () => {
    expect(ev('semver("1.2.3").compareTo(semver("1.2.3"))')).toBe(0n);
    expect(ev('semver("1.10.0").isGreaterThan(semver("1.9.9"))')).toBe(true);
    expect(ev('semver("1.0.0-alpha").isLessThan(semver("1.0.0"))')).toBe(true);
    expect(ev('semver("1.0.0-alpha").isLessThan(semver("1.0.0-alpha.1"))')).toBe(true);
    expect(ev('semver("1.0.0-alpha.1").isLessThan(semver("1.0.0-alpha.beta"))')).toBe(true);
    expect(ev('semver("1.0.0-beta.2").isLessThan(semver("1.0.0-beta.11"))')).toBe(true);
    expect(ev('semver("1.0.0-rc.1").isLessThan(semver("1.0.0"))')).toBe(true);
    expect(ev('semver("2.0.0").compareTo(semver("1.99.99"))')).toBe(1n);
    expect(ev('semver("1.0.0+a") == semver("1.0.0+b")')).toBe(true);
    expect(ev('semver("1.0.0") != semver("1.0.1")')).toBe(true);
  });
});
