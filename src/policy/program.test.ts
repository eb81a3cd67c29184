import { describe, expect, it } from "vitest";
import { toCel } from "./cel/env.js";
import { compilePolicyProgram, evaluateProgram, parseFieldPath } from "./program.js";

const compile = (spec: Record<string, unknown>) => compilePolicyProgram(spec, ["spec"], false);
const run = (spec: Record<string, unknown>, object: unknown, params: unknown = null) => {
  const p = compile(spec);
  expect(p.problems).toEqual([]);
  return evaluateProgram(p, { object: toCel(object), oldObject: null, params: toCel(params), namespaceObject: null, request: { operation: "CREATE" } });
};
const deploy = (replicas: unknown, extra: Record<string, unknown> = {}) => ({ kind: "Deployment", metadata: { name: "d", labels: { app: "web" } }, spec: { replicas, ...extra } });

describe("compilePolicyProgram: problems with their path and offsets", () => {
  it("locates a syntax error in a validation", () => {
    const p = compile({ validations: [{ expression: "object.x == 1" }, { expression: "object.spec.replicas <=" }] });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ path: ["spec", "validations", 1, "expression"], message: expect.stringMatching(/^syntax error/) });
    expect(p.validations.map((v) => v.program !== undefined)).toEqual([true, false]);
  });

  it("locates an unknown function, a type error, authorizer and an undeclared variable", () => {
    const src = "object.spec.replicas > 1 && object.metadata.name.shout() == 'X'";
    const p = compile({
      variables: [{ name: "ok", expression: "object.spec.replicas" }],
      validations: [
        { expression: src },
        { expression: "1 + \"a\" == 2" },
        { expression: "authorizer.requestResource.check('get').allowed()" },
        { expression: "variables.ok > 1 && variables.missing" },
      ],
    });
    expect(p.problems.map((x) => x.path)).toEqual([
      ["spec", "validations", 0, "expression"],
      ["spec", "validations", 1, "expression"],
      ["spec", "validations", 2, "expression"],
      ["spec", "validations", 3, "expression"],
    ]);
    expect(src.slice(p.problems[0]!.start, p.problems[0]!.end)).toContain("shout");
    expect(p.problems[0]!.start).toBeGreaterThanOrEqual(src.indexOf("object.metadata"));
    expect(p.problems[0]!.message).toMatch(/shout/);
    expect(p.problems[1]!.message).toMatch(/^type error/);
    expect(p.problems[2]!.message).toMatch(/authorizer/);
    expect(p.problems[2]!.start).toBe(0);
    expect(p.problems[3]!.message).toMatch(/variables\.missing/);
    expect(p.problems[3]!.start).toBe("variables.ok > 1 && ".length);
  });

  it("reports a messageExpression that is not a string at its own path", () => {
    const p = compile({ validations: [{ expression: "true", messageExpression: "object.spec.replicas + 1" }] });
    expect(p.problems).toEqual([expect.objectContaining({ path: ["spec", "validations", 0, "messageExpression"], message: expect.stringMatching(/messageExpression must be a string/) })]);
    // the validation itself still runs
    expect(p.validations[0]!.program).toBeDefined();
  });

  it("reports a missing expression and a nameless variable", () => {
    const p = compile({ validations: [{ message: "no expression" }], variables: [{ expression: "1" }], matchConditions: [{ name: "m", expression: "" }] });
    expect(p.problems.map((x) => x.path)).toEqual([
      ["spec", "variables", 0],
      ["spec", "matchConditions", 0, "expression"],
      ["spec", "validations", 0, "expression"],
    ]);
  });

  it("lets a variable use only the variables declared before it", () => {
    const ok = compile({ variables: [{ name: "a", expression: "1" }, { name: "b", expression: "variables.a + 1" }] });
    expect(ok.problems).toEqual([]);
    const bad = compile({ variables: [{ name: "b", expression: "variables.a + 1" }, { name: "a", expression: "1" }] });
    expect(bad.problems).toEqual([expect.objectContaining({ path: ["spec", "variables", 0, "expression"], message: expect.stringMatching(/variables\.a is not declared/) })]);
  });

  it("reads failurePolicy (default Fail)", () => {
    expect(compile({}).failurePolicy).toBe("Fail");
    expect(compile({ failurePolicy: "Ignore" }).failurePolicy).toBe("Ignore");
  });
});

describe("evaluateProgram", () => {
  it("compares integers as CEL ints and doubles as doubles", () => {
    const spec = { validations: [{ expression: "object.spec.replicas == 3" }, { expression: "object.spec.replicas > 2" }] };
    expect(run(spec, deploy(3))).toEqual([]);
    expect(run(spec, deploy(2))!.map((v) => v.validation)).toEqual([0, 1]);
    const dbl = { validations: [{ expression: "object.spec.ratio <= 0.5" }] };
    expect(run(dbl, deploy(1, { ratio: 0.25 }))).toEqual([]);
    expect(run(dbl, deploy(1, { ratio: 0.75 }))).toHaveLength(1);
  });

  it("uses message, then the default 'failed expression: …'", () => {
    const spec = { validations: [{ expression: "object.spec.replicas < 5", message: "too many replicas", reason: "Forbidden" }, { expression: "object.spec.replicas\n  < 4" }] };
    expect(run(spec, deploy(9))).toEqual([
      { validation: 0, message: "too many replicas", reason: "Forbidden" },
      { validation: 1, message: "failed expression: object.spec.replicas < 4" },
    ]);
    expect(run(spec, deploy(1))).toEqual([]);
  });

  it("prefers messageExpression, and falls back to message when it fails, is empty or multi-line", () => {
    const v = (messageExpression: string) => ({ validations: [{ expression: "object.spec.replicas < 5", message: "static", messageExpression }] });
    expect(run(v("'replicas is ' + string(object.spec.replicas)"), deploy(9))).toEqual([{ validation: 0, message: "replicas is 9" }]);
    expect(run(v("object.spec.nope"), deploy(9))).toEqual([{ validation: 0, message: "static" }]);
    expect(run(v("''"), deploy(9))).toEqual([{ validation: 0, message: "static" }]);
    expect(run(v("'two\\nlines'"), deploy(9))).toEqual([{ validation: 0, message: "static" }]);
    // without a message: the default
    expect(run({ validations: [{ expression: "false", messageExpression: "string(object.spec.nope)" }] }, deploy(9))).toEqual([{ validation: 0, message: "failed expression: false" }]);
  });

  it("reports evaluation errors with failurePolicy Fail and ignores them with Ignore", () => {
    const spec = { validations: [{ expression: "object.spec.template.spec.hostNetwork == false" }, { expression: "object.spec.replicas < 5" }] };
    const fail = run(spec, deploy(9));
    expect(fail).toEqual([
      { validation: 0, message: expect.stringMatching(/^expression 'object.spec.template.spec.hostNetwork == false' resulted in error: .*template/), error: true },
      { validation: 1, message: "failed expression: object.spec.replicas < 5" },
    ]);
    expect(run({ ...spec, failurePolicy: "Ignore" }, deploy(9))).toEqual([{ validation: 1, message: "failed expression: object.spec.replicas < 5" }]);
    expect(run({ ...spec, failurePolicy: "Ignore" }, deploy(1))).toEqual([]);
  });

  it("treats a non-bool result as an error (Fail) or nothing (Ignore)", () => {
    const spec = { validations: [{ expression: "object.spec.enabled" }] };
    expect(run(spec, deploy(1, { enabled: "yes" }))).toEqual([{ validation: 0, message: expect.stringMatching(/did not return a bool/), error: true }]);
    expect(run({ ...spec, failurePolicy: "Ignore" }, deploy(1, { enabled: "yes" }))).toEqual([]);
    expect(run(spec, deploy(1, { enabled: true }))).toEqual([]);
    expect(run(spec, deploy(1, { enabled: false }))).toHaveLength(1);
  });

  it("skips the object when a match condition is false, even if another one errors", () => {
    const spec = {
      matchConditions: [
        { name: "broken", expression: "object.spec.nope == 1" },
        { name: "only-web", expression: "object.metadata.labels.app == 'web'" },
      ],
      validations: [{ expression: "false" }],
    };
    const db = deploy(1);
    db.metadata.labels.app = "db";
    expect(run(spec, db)).toBeUndefined();
    expect(run({ ...spec, failurePolicy: "Ignore" }, db)).toBeUndefined();
  });

  it("turns a match condition error into a violation with Fail, and admits with Ignore", () => {
    const spec = { matchConditions: [{ name: "broken", expression: "object.spec.nope == 1" }, { name: "web", expression: "true" }], validations: [{ expression: "false" }] };
    expect(run(spec, deploy(1))).toEqual([{ validation: -1, message: expect.stringMatching(/^match condition broken failed/), error: true }]);
    expect(run({ ...spec, failurePolicy: "Ignore" }, deploy(1))).toEqual([]);
  });

  it("evaluates validations when every match condition is true", () => {
    const spec = { matchConditions: [{ name: "web", expression: "object.metadata.labels.app == 'web'" }], validations: [{ expression: "object.spec.replicas > 1" }] };
    expect(run(spec, deploy(1))).toHaveLength(1);
    expect(run(spec, deploy(2))).toEqual([]);
  });

  it("evaluates variables lazily: an unused failing variable does not fail", () => {
    const spec = {
      variables: [{ name: "broken", expression: "object.spec.nope.deeper" }, { name: "replicas", expression: "object.spec.replicas" }],
      validations: [{ expression: "variables.replicas < 5" }],
    };
    expect(run(spec, deploy(1))).toEqual([]);
    expect(run(spec, deploy(9))).toEqual([{ validation: 0, message: "failed expression: variables.replicas < 5" }]);
    // a validation that reads it fails to evaluate
    const reads = { ...spec, validations: [{ expression: "variables.broken == 1" }] };
    expect(run(reads, deploy(1))).toEqual([{ validation: 0, message: expect.stringMatching(/resulted in error/), error: true }]);
  });

  it("fails the expressions that read a variable that does not compile, and only those", () => {
    const p = compile({ variables: [{ name: "bad", expression: "nosuch(1)" }], validations: [{ expression: "variables.bad == 1" }, { expression: "object.spec.replicas < 5" }] });
    expect(p.problems.map((x) => x.path)).toEqual([["spec", "variables", 0, "expression"]]);
    expect(evaluateProgram(p, { object: toCel(deploy(1)) })).toEqual([{ validation: 0, message: "expression 'variables.bad == 1' resulted in error: variables.bad does not compile", error: true }]);
    expect(evaluateProgram({ ...p, failurePolicy: "Ignore" }, { object: toCel(deploy(9)) })).toEqual([{ validation: 1, message: "failed expression: object.spec.replicas < 5" }]);
  });

  it("evaluates a variable once per object however many expressions read it", () => {
    const p = compile({
      variables: [{ name: "v", expression: "object.spec.replicas" }],
      matchConditions: [{ name: "m", expression: "variables.v > 0" }],
      validations: [{ expression: "variables.v < 5" }, { expression: "variables.v != 4" }],
      failurePolicy: "Fail",
    });
    const program = p.variables[0]!.program;
    let runs = 0;
    p.variables[0]!.program = { source: program.source, evaluate: (a) => (runs++, program.evaluate(a)) };
    expect(evaluateProgram(p, { object: toCel(deploy(4)) })!.map((v) => v.validation)).toEqual([1]);
    expect(runs).toBe(1);
    // and again for the next object
    evaluateProgram(p, { object: toCel(deploy(3)) });
    expect(runs).toBe(2);
  });

  it("reads params", () => {
    const spec = { validations: [{ expression: "object.spec.replicas <= params.max" }] };
    expect(run(spec, deploy(3), { max: 3 })).toEqual([]);
    expect(run(spec, deploy(4), { max: 3 })).toHaveLength(1);
  });
});

describe("parseFieldPath", () => {
  it("reads dotted paths with indexes and quoted keys", () => {
    expect(parseFieldPath("spec.containers[0].image")).toEqual(["spec", "containers", 0, "image"]);
    expect(parseFieldPath(".metadata.labels['app.kubernetes.io/name']")).toEqual(["metadata", "labels", "app.kubernetes.io/name"]);
  });
});
