import type { DockerfileView } from "../model/dockerfile.js";
import type { Fix } from "../model/finding.js";
import type { KubeVersion } from "../model/kube-version.js";
import type { Resource } from "../model/resource.js";
import type { Severity, YamlPath } from "../model/types.js";
import type { ContainerView, Workload } from "../model/workload.js";
import type { Inventory } from "./inventory.js";

/** The facts the rule catalogue holds about a rule (src/rules/catalog.generated.ts). */
export interface RuleFacts {
  id: string;
  target: "kubernetes" | "dockerfile";
  category: string;
  /** Kinds the rule reports on, or `workloads` / `namespaced` / `all` / `cluster`. */
  appliesTo: string[];
  severity: Severity;
  pss?: { level: "baseline" | "restricted"; control: string };
  frameworks?: { cis?: string[]; nsa?: boolean; mitre?: string[] };
  needs: "manifest" | "inventory" | "cluster" | "runtime";
  defaultEnabled: boolean;
  params: Record<string, unknown>;
  related?: string[];
  peers: Record<string, string[]>;
}

/** What a person needs to understand and fix the problem, written for someone new to Kubernetes security. */
export interface RuleDocs {
  title: string;
  /** Why it matters. */
  rationale: string;
  /** What an attacker does with it. */
  attack: string;
  /** How to fix it. */
  remediation: string;
  /** A minimal manifest that fails and the same manifest fixed; both are checked by tests. */
  example?: { insecure: string; secure: string };
}

/** Typed access to a rule's parameters (catalogue defaults, overridden in `.shipshape.yaml`). */
export interface Params {
  strings(name: string): string[];
  number(name: string): number;
  boolean(name: string): boolean;
  raw(name: string): unknown;
}

export interface Report<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  /** Path of the offending value inside the object; the engine turns it into file, line and column. */
  path: YamlPath;
  /** The container the finding is about, when there is one. */
  container?: ContainerView;
  fix?: Fix;
  /** A severity of this finding's own (admission policies: by validation action); the configured one wins. */
  severity?: Severity;
}

export interface RuleContext<M extends string = string> {
  readonly resource: Resource;
  /** The pod spec view, for objects that carry a pod template. */
  readonly workload: Workload | undefined;
  /** The Dockerfile and stage, for Dockerfile rules (objects of kind Dockerfile, one per stage). */
  readonly dockerfile: DockerfileView | undefined;
  readonly params: Params;
  /** Every object of the scan, indexed; for cross-object rules. */
  readonly inventory: Inventory;
  readonly kubeVersion: KubeVersion;
  readonly defaultNamespace: string;
  report(report: Report<M>): void;
}

export interface RuleModule<M extends string = string> extends RuleDocs {
  id: string;
  messages: Record<M, string>;
  check(ctx: RuleContext<M>): void;
  /**
   * Narrower than appliesTo: policy rules (custom, ValidatingAdmissionPolicy) select objects by their match
   * constraints. Objects it rejects are not evaluated (and not counted as passes).
   */
  matches?(resource: Resource, inventory: Inventory): boolean;
  /** Rules defined in a file (custom rules): where, for `explain` and reports. */
  source?: { file: string; line: number };
}

/** A rule as the engine runs it: the module joined with its catalogue facts. */
export interface Rule extends RuleModule, RuleFacts {}

/** Identity function that types a rule module: a messageId the rule does not declare is a compile error. */
export function defineRule<M extends string>(rule: RuleModule<M>): RuleModule<M> {
  return rule;
}
