import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

const pod = (cpu: unknown) => ({ spec: { containers: [{ resources: { limits: { cpu } } }] } });

describe("quantity library", () => {
  it("compares manifest quantities", () => {
    const expr = 'quantity(object.spec.containers[0].resources.limits.cpu).isGreaterThan(quantity("1"))';
    expect(ev(expr, pod("2"))).toBe(true);
    expect(ev(expr, pod("500m"))).toBe(false);
    expect(ev(expr, pod("1"))).toBe(false);
    expect(ev('quantity("1Gi").isGreaterThan(quantity("512Mi"))')).toBe(true);
    expect(ev('quantity("1e3").isLessThan(quantity("1001"))')).toBe(true);
    expect(ev('quantity("100Mi").isLessThan(quantity("100M"))')).toBe(false);
  });

  it("rejects invalid quantities", () => {
    expect(() => ev('quantity("bad")')).toThrow(/quantities must match/);
    expect(() => ev('quantity("1.5 Gi")')).toThrow(/quantities must match/);
    expect(() => ev('quantity(" 1")')).toThrow(/quantities must match/);
    expect(() => ev('quantity("")')).toThrow(/quantities must match/);
    expect(ev('isQuantity("500m")')).toBe(true);
    expect(ev('isQuantity("1GB")')).toBe(false);
    expect(ev('isQuantity("")')).toBe(false);
  });

  it("compareTo and equality by value", () => {
    expect(ev('quantity("1").compareTo(quantity("1000m"))')).toBe(0n);
    expect(ev('quantity("1Ki").compareTo(quantity("1k"))')).toBe(1n);
    expect(ev('quantity("-1").compareTo(quantity("0"))')).toBe(-1n);
    expect(ev('quantity("1") == quantity("1000m")')).toBe(true);
    expect(ev('quantity("1Gi") == quantity("1024Mi")')).toBe(true);
    expect(ev('quantity("1") != quantity("2")')).toBe(true);
    expect(ev('[quantity("1")] == [quantity("1000m")]')).toBe(true);
  });

  it("sign, isInteger, asInteger, asApproximateFloat", () => {
    expect(ev('quantity("-5").sign()')).toBe(-1n);
    expect(ev('quantity("0").sign()')).toBe(0n);
    expect(ev('quantity("500m").sign()')).toBe(1n);
    expect(ev('quantity("2k").isInteger()')).toBe(true);
    expect(ev('quantity("500m").isInteger()')).toBe(false);
    expect(ev('quantity("1Ki").asInteger()')).toBe(1024n);
    expect(ev('quantity("1e3").asInteger()')).toBe(1000n);
    expect(() => ev('quantity("500m").asInteger()')).toThrow(/cannot convert value to integer/);
    expect(ev('quantity("10E").isInteger()')).toBe(false);
    expect(() => ev('quantity("10E").asInteger()')).toThrow(/64 bits/);
    expect(ev('quantity("500m").asApproximateFloat()')).toBe(0.5);
    expect(ev('quantity("1.5Gi").asApproximateFloat()')).toBe(1.5 * 2 ** 30);
  });

  it("add and sub", () => {
    expect(ev('quantity("500m").add(quantity("1")) == quantity("1500m")')).toBe(true);
    expect(ev('quantity("1").add(2) == quantity("3")')).toBe(true);
    expect(ev('quantity("1Gi").sub(quantity("512Mi")) == quantity("512Mi")')).toBe(true);
    expect(ev('quantity("1").sub(2).sign()')).toBe(-1n);
    expect(ev('quantity("1").sub(1).isInteger()')).toBe(true);
  });

  it("types are checked", () => {
    expect(() => ev('quantity("1").isGreaterThan(1)')).toThrow(/overload/);
    expect(ev('type(quantity("1")) == type(quantity("2"))')).toBe(true);
  });
});

describe("quantity of manifest numbers", () => {
  it("accepts YAML numbers as Kubernetes serializes them", () => {
    const expr = 'quantity(object.spec.containers[0].resources.limits.cpu).isGreaterThan(quantity("1"))';
    expect(ev(expr, pod(2n))).toBe(true);
    expect(ev(expr, pod(0.5))).toBe(false);
    expect(() => ev("quantity(double(\"NaN\"))")).toThrow(/not a quantity/);
  });
});
