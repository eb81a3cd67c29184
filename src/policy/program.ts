// A policy's CEL parts compiled once, and their evaluation against one object with Kubernetes' semantics:
// matchConditions (a false one skips, errors follow failurePolicy), lazy variables, validations with message,
// messageExpression and reason. Shared by ValidatingAdmissionPolicies and shipshape custom rules.
import type { YamlPath } from "../model/types.js";
import { isObject } from "../model/types.js";
import { type CompiledExpression, type ExpressionKind, compileExpression, evaluationMessage, isProblem, lazyVariables } from "./cel/env.js";

/** A compile problem of one expression, with where the expression is in the policy object. */
export interface PolicyProblem {
  /** Path of the expression's scalar inside the policy object. */
  path: YamlPath;
  message: string;
  /** Offsets of the problem inside the expression text. */
  start: number;
  end: number;
}

export interface CompiledValidation {
  index: number;
  expression: string;
  program: CompiledExpression | undefined;
  message: string | undefined;
  messageProgram: CompiledExpression | undefined;
  reason: string | undefined;
  /** shipshape custom rules: where in the object to point (a path inside it), and a severity of its own. */
  fieldPath?: YamlPath;
  severity?: string;
}

export interface CompiledPolicyProgram {
  variables: { name: string; program: CompiledExpression }[];
  matchConditions: { name: string; program: CompiledExpression }[];
  validations: CompiledValidation[];
  failurePolicy: "Fail" | "Ignore";
  problems: PolicyProblem[];
}

/** One reason an object is not admitted. */
export interface Violation {
  /** Index of the validation (-1: not about one validation, e.g. a match condition error). */
  validation: number;
  message: string;
  reason?: string;
  /** The expression failed to evaluate (and failurePolicy is Fail). */
  error?: boolean;
}

/**
 * Compiles the CEL of a policy spec (`variables`, `matchConditions`, `validations`). `specPath` is where the spec
 * sits in the object ([`spec`]), for problem positions.
 */
export function compilePolicyProgram(spec: Record<string, unknown>, specPath: YamlPath, custom: boolean): CompiledPolicyProgram {
  const problems: PolicyProblem[] = [];
  const declared: string[] = [];
  const compile = (source: unknown, kind: ExpressionKind, path: YamlPath): CompiledExpression | undefined => {
    if (typeof source !== "string" || source.trim() === "") {
      problems.push({ path, message: `${kind} expression is missing or not a string`, start: 0, end: 0 });
      return undefined;
    }
    const c = compileExpression(source, kind, { variables: declared, custom });
    if (isProblem(c)) {
      problems.push({ path, message: c.message, start: c.start, end: c.end });
      return undefined;
    }
    return c;
  };
  const list = (key: string) => (Array.isArray(spec[key]) ? (spec[key] as unknown[]) : []);

  const variables: CompiledPolicyProgram["variables"] = [];
  list("variables").forEach((v, i) => {
    if (!isObject(v) || typeof v.name !== "string") {
      problems.push({ path: [...specPath, "variables", i], message: "a variable needs a name and an expression", start: 0, end: 0 });
      return;
    }
    // a variable may use the ones declared before it
    const program = compile(v.expression, "variable", [...specPath, "variables", i, "expression"]);
    declared.push(v.name);
    // one that does not compile fails the expressions that read it (as in Kubernetes), with a clear message
    const name = v.name;
    const broken: CompiledExpression = { source: "", evaluate: () => { throw new Error(`variables.${name} does not compile`); } };
    variables.push({ name, program: program ?? broken });
  });
  const matchConditions: CompiledPolicyProgram["matchConditions"] = [];
  list("matchConditions").forEach((m, i) => {
    if (!isObject(m)) return;
    const program = compile(m.expression, "matchCondition", [...specPath, "matchConditions", i, "expression"]);
    if (program) matchConditions.push({ name: String(m.name ?? `matchConditions[${i}]`), program });
  });
  const validations: CompiledValidation[] = [];
  list("validations").forEach((v, i) => {
    if (!isObject(v)) return;
    const at = [...specPath, "validations", i];
    const program = compile(v.expression, "validation", [...at, "expression"]);
    const messageProgram = v.messageExpression === undefined ? undefined : compile(v.messageExpression, "messageExpression", [...at, "messageExpression"]);
    const compiled: CompiledValidation = {
      index: i,
      expression: typeof v.expression === "string" ? v.expression : "",
      program,
      message: typeof v.message === "string" && v.message !== "" ? v.message : undefined,
      messageProgram,
      reason: typeof v.reason === "string" ? v.reason : undefined,
    };
    if (custom && typeof v.fieldPath === "string") compiled.fieldPath = parseFieldPath(v.fieldPath);
    if (custom && typeof v.severity === "string") compiled.severity = v.severity;
    validations.push(compiled);
  });
  return { variables, matchConditions, validations, failurePolicy: spec.failurePolicy === "Ignore" ? "Ignore" : "Fail", problems };
}

/** `spec.containers[0].image` or `.spec.containers[0]` → ["spec", "containers", 0, "image"]. */
export function parseFieldPath(text: string): YamlPath {
  const out: (string | number)[] = [];
  const re = /\.?([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

/**
 * Evaluates a compiled policy for one object. `activation` holds object, params, request, … (CEL values).
 * Returns undefined when a match condition excludes the object, else the violations (empty: admitted).
 */
export function evaluateProgram(p: CompiledPolicyProgram, base: Record<string, unknown>): Violation[] | undefined {
  const activation: Record<string, unknown> = { ...base };
  activation.variables = lazyVariables(p.variables, activation);
  let conditionError: string | undefined;
  for (const m of p.matchConditions) {
    try {
      const v = m.program.evaluate(activation);
      if (v === false) return undefined;
      if (v !== true) conditionError ??= `match condition ${m.name} did not return a bool`;
    } catch (err) {
      conditionError ??= `match condition ${m.name} failed: ${evaluationMessage(err)}`;
    }
  }
  if (conditionError !== undefined) {
    return p.failurePolicy === "Fail" ? [{ validation: -1, message: conditionError, error: true }] : [];
  }
  const out: Violation[] = [];
  for (const v of p.validations) {
    if (!v.program) continue; // a compile problem, reported once on the policy
    let result: unknown;
    try {
      result = v.program.evaluate(activation);
    } catch (err) {
      if (p.failurePolicy === "Fail") out.push({ validation: v.index, message: `expression '${oneLine(v.expression)}' resulted in error: ${evaluationMessage(err)}`, error: true });
      continue;
    }
    if (result === true) continue;
    if (result !== false) {
      if (p.failurePolicy === "Fail") out.push({ validation: v.index, message: `expression '${oneLine(v.expression)}' did not return a bool`, error: true });
      continue;
    }
    const violation: Violation = { validation: v.index, message: messageFor(v, activation) };
    if (v.reason) violation.reason = v.reason;
    out.push(violation);
  }
  return out;
}

function messageFor(v: CompiledValidation, activation: Record<string, unknown>): string {
  if (v.messageProgram) {
    try {
      const m = v.messageProgram.evaluate(activation);
      // Kubernetes uses it when it is a non-empty single-line string, else falls back to `message`
      if (typeof m === "string" && m.trim() !== "" && !/[\r\n]/.test(m.trim())) return m.trim();
    } catch {
      // falls back to message, as Kubernetes does
    }
  }
  return v.message ?? `failed expression: ${oneLine(v.expression)}`;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 200 ? `${t.slice(0, 197)}...` : t;
}
