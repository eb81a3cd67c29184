import { describe, expect, it } from "vitest";
import { type CelProblem, type CompiledExpression, compileExpression, fromCel, isProblem, lazyVariables, toCel } from "./env.js";

function compiled(source: string, kind: Parameters<typeof compileExpression>[1] = "validation", variables: string[] = []): CompiledExpression {
  const c = compileExpression(source, kind, { variables });
  if (isProblem(c)) throw new Error(`expected ${source} to compile: ${c.message}`);
  return c;
}

function problem(source: string, kind: Parameters<typeof compileExpression>[1] = "validation", variables: string[] = []): CelProblem {
  const c = compileExpression(source, kind, { variables });
  if (!isProblem(c)) throw new Error(`expected ${source} not to compile`);
  return c;
}

const at = (p: CelProblem, source: string) => source.slice(p.start, p.end);

describe("compileExpression", () => {
  it("compiles a valid validation and evaluates it", () => {
    const c = compiled("object.spec.replicas <= 5");
    expect(c.evaluate({ object: toCel({ spec: { replicas: 3 } }) })).toBe(true);
    expect(c.evaluate({ object: toCel({ spec: { replicas: 7 } }) })).toBe(false);
  });

  it("reports a syntax error with its offset", () => {
    const src = "object.spec.replicas <= ";
    const p = problem(src);
    expect(p.message).toMatch(/^syntax error/);
    expect(p.start).toBeGreaterThan(0);
    expect(p.start).toBeLessThanOrEqual(src.length);
    const src2 = "has(object.spec) && (object.spec.x == 1";
    expect(problem(src2).message).toMatch(/^syntax error/);
    // a valid expression does not
    expect(isProblem(compileExpression("has(object.spec) && (object.spec.x == 1)", "validation"))).toBe(false);
  });

  it("reports an unknown function at the call, with a hint", () => {
    const src = "object.metadata.name.frobnicate() == 'x'";
    const p = problem(src);
    expect(p.message).toMatch(/frobnicate/);
    expect(p.message).toMatch(/unknown function/);
    expect(at(p, src)).toContain("frobnicate");
    const src2 = "size(object.metadata.name) > 2 && nosuchfn(1)";
    const p2 = problem(src2);
    expect(p2.message).toMatch(/nosuchfn/);
    expect(p2.start).toBe(src2.indexOf("nosuchfn"));
  });

  it("reports wrong types such as 1 + \"a\" at the operator", () => {
    const src = "object.x == 1 && 1 + \"a\" == 2";
    const p = problem(src);
    expect(p.message).toMatch(/^type error/);
    expect(p.start).toBeGreaterThanOrEqual(src.indexOf("1 +"));
    expect(p.end).toBeLessThanOrEqual(src.indexOf("== 2"));
  });

  it("requires a bool from validations and match conditions, a string from messageExpression", () => {
    expect(problem("1 + 2").message).toMatch(/validation must be a bool, this one is a int/);
    expect(problem("'a'", "matchCondition").message).toMatch(/match condition must be a bool/);
    expect(problem("1", "messageExpression").message).toMatch(/messageExpression must be a string, this one is a int/);
    expect(problem("object.x == 1", "messageExpression").message).toMatch(/messageExpression must be a string, this one is a bool/);
    expect(isProblem(compileExpression("'replicas: ' + string(object.spec.replicas)", "messageExpression"))).toBe(false);
    // dyn passes the check (decided at run time)
    expect(isProblem(compileExpression("object.spec.enabled", "validation"))).toBe(false);
    // a variable may be anything
    expect(isProblem(compileExpression("1 + 2", "variable"))).toBe(false);
  });

  it("rejects authorizer, which needs a cluster, at its position", () => {
    const src = "object.x == 1 || authorizer.group('apps').resource('deployments').check('get').allowed()";
    const p = problem(src);
    expect(p.message).toMatch(/not supported offline: `authorizer`/);
    expect(at(p, src)).toBe("authorizer");
  });

  it("rejects variables.x that the policy does not declare, and accepts declared ones", () => {
    const src = "variables.foo == 1 && variables.bar == 2";
    const p = problem(src, "validation", ["foo"]);
    expect(p.message).toMatch(/variables\.bar is not declared/);
    expect(p.start).toBe(src.indexOf("variables.bar"));
    expect(isProblem(compileExpression(src, "validation", { variables: ["foo", "bar"] }))).toBe(false);
    // optional field selection too
    expect(problem("variables.?baz.orValue(1) == 1").message).toMatch(/variables\.baz/);
  });

  it("knows the admission variables and the Kubernetes libraries", () => {
    for (const src of [
      "request.operation == 'CREATE'",
      "oldObject == null",
      "params.x == 1",
      "namespaceObject.metadata.name == 'a'",
      "object.metadata.name.matches('^[a-z]+$')",
      "quantity('1Gi').isGreaterThan(quantity('1Mi'))",
      "object.spec.?replicas.orValue(1) > 0",
    ]) {
      expect(isProblem(compileExpression(src, "validation")), src).toBe(false);
    }
    // custom-rule variables are not admission ones
    expect(isProblem(compileExpression("podSpec != null", "validation"))).toBe(true);
    expect(isProblem(compileExpression("podSpec != null", "validation", { custom: true }))).toBe(false);
  });
});

describe("toCel / fromCel", () => {
  it("turns integers into CEL ints and keeps doubles", () => {
    const obj = toCel({ spec: { replicas: 3, ratio: 0.5, name: "x", list: [1, 2.5], none: null } }) as { spec: Record<string, unknown> };
    expect(obj.spec.replicas).toBe(3n);
    expect(obj.spec.ratio).toBe(0.5);
    expect(obj.spec.list).toEqual([1n, 2.5]);
    // null fields are dropped, as the API server's decoding does
    expect("none" in obj.spec).toBe(false);
    const eq = compiled("object.spec.replicas == 3");
    const gt = compiled("object.spec.replicas > 2");
    const dbl = compiled("object.spec.ratio < 1.0");
    const o = (spec: unknown) => ({ object: toCel({ spec }) });
    expect(eq.evaluate(o({ replicas: 3 }))).toBe(true);
    expect(eq.evaluate(o({ replicas: 4 }))).toBe(false);
    expect(gt.evaluate(o({ replicas: 3 }))).toBe(true);
    expect(gt.evaluate(o({ replicas: 2 }))).toBe(false);
    expect(dbl.evaluate(o({ ratio: 0.5 }))).toBe(true);
    expect(dbl.evaluate(o({ ratio: 1.5 }))).toBe(false);
  });

  it("gives results back as plain data", () => {
    expect(fromCel(3n)).toBe(3);
    expect(fromCel([1n, "a"])).toEqual([1, "a"]);
    expect(fromCel(2n ** 70n)).toBe((2n ** 70n).toString());
  });
});

describe("lazyVariables", () => {
  it("evaluates a variable on first use, once, and a failing one only fails its readers", () => {
    let runs = 0;
    const counting: CompiledExpression = { source: "x", evaluate: () => (runs++, 42n) };
    const failing: CompiledExpression = { source: "y", evaluate: () => { throw new Error("no such key: y"); } };
    const vars = lazyVariables([{ name: "a", program: counting }, { name: "b", program: failing }], {});
    expect(runs).toBe(0);
    expect(vars.a).toBe(42n);
    expect(vars.a).toBe(42n);
    expect(runs).toBe(1);
    expect(() => vars.b).toThrow(/no such key/);
    expect(() => vars.b).toThrow(/no such key/);
  });
});
