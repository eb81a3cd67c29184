import type { ObjectRef } from "./resource.js";
import type { Severity, YamlPath } from "./types.js";

/** Ids of engine diagnostics, reported like findings so that nothing is lost silently. */
export const DIAGNOSTIC_IDS = ["parse-error", "render-error", "internal-error", "exemption-expired", "policy-error", "policy-notice"] as const;
export type DiagnosticId = (typeof DIAGNOSTIC_IDS)[number];

export interface Location {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The YAML path inside the object (dotted, with [n] for indexes). */
  path?: string;
  /** For a file inside an archive (a subchart packaged as .tgz): the path inside it; `file` is the archive. */
  archivePath?: string;
}

/** Where a rendered object (Helm chart, Kustomize overlay) sits in the rendered stream the rules read. */
export interface RenderedFrom {
  tool: "helm" | "kustomize";
  /** The chart folder or archive, or the kustomization root, as scanned. */
  root: string;
  /** 0-based document index in the rendered stream, and the 1-based position of the value in it. */
  document: number;
  line: number;
  column: number;
  /** Helm: the object's `helm.sh/hook` values, e.g. ["test"] for a test pod (scanned, but not part of the release). */
  helmHooks?: string[];
}

/** The values-file key a rendered value came from (Helm `.Values…`), usually what a person changes. */
export interface ValuesOrigin {
  file: string;
  /** Dotted key, e.g. `web.securityContext.privileged`. */
  key: string;
  line: number;
  column: number;
}

/** One edit of a fix, as data. Paths are relative to the object. */
export type FixOp = YamlFixOp | TextFixOp;

/** Edits of a Kubernetes object (YAML or JSON), by path inside the object. */
export type YamlFixOp =
  | { op: "set"; path: YamlPath; value: unknown }
  | { op: "remove"; path: YamlPath }
  | { op: "append"; path: YamlPath; value: unknown };

export type TextFixOp =
  // Dockerfiles: text edits next to or over an element (instruction, flag, shell word) the path names. The engine
  // resolves the path to its source span when it builds the finding (`span`, 1-based, end exclusive).
  | { op: "replaceText"; path: YamlPath; text: string; span?: TextSpan }
  | { op: "insertText"; path: YamlPath; text: string; position: "before" | "after"; span?: TextSpan };

/** A region of a source file: 1-based lines and columns, the end column exclusive. */
export interface TextSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Fix {
  /** What the fix does, in a sentence. */
  description: string;
  /** `safe` fixes cannot change how a correct workload behaves; others need a person to check. */
  safety: "safe" | "unsafe";
  /** Why it is (un)safe, and what to check before applying. */
  note: string;
  ops: FixOp[];
  /** The change in the file, computed for reports (SARIF replacements, the diff shown beside the finding). */
  preview?: FixPreview;
}

export interface FixPreview {
  /** Regions of the original file to replace (SARIF `replacements`); `text` is the new content. */
  replacements: (TextSpan & { text: string })[];
  /** A unified diff of the file for this one fix. */
  diff: string;
}

export interface Suppression {
  /** annotation: `ignore.shipshape.io/<rule>` on the object; comment: `# shipshape ignore=` in a Dockerfile; config: an exemption. */
  kind: "annotation" | "comment" | "config";
  reason: string;
  /** For config exemptions and comments: where the exemption is written (file:line). */
  source?: string;
  expires?: string;
}

/** The security frameworks a rule maps to (from the catalogue). */
export interface FrameworkRefs {
  /** Pod Security Standards level and the Pod Security Admission control id. */
  pss?: { level: "baseline" | "restricted"; control: string };
  /** CIS Kubernetes Benchmark recommendation numbers. */
  cis?: string[];
  /** Part of the NSA/CISA Kubernetes Hardening Guidance. */
  nsa?: boolean;
  /** MITRE ATT&CK (threat matrix for Kubernetes) tactics. */
  mitre?: string[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  data?: Record<string, string | number>;
  object?: ObjectRef;
  container?: string;
  location: Location;
  fix?: Fix;
  frameworks?: FrameworkRefs;
  /** Stable id of the finding that survives unrelated edits (rule, object, container, path). */
  fingerprint: string;
  /** For objects rendered from a Helm chart or Kustomize overlay: the position in the rendered stream. */
  rendered?: RenderedFrom;
  /** For Helm: the values key the offending value came from, when it can be told. */
  values?: ValuesOrigin;
  suppressed?: Suppression;
  /**
   * Where the object is in its file (0-based YAML document, path of the object inside it) and the finding's
   * path inside the object: what `shipshape fix` edits. Not part of the reports.
   */
  target?: { document: number; prefix: YamlPath; path: YamlPath; object: Record<string, unknown> };
}

/** A problem found while loading (unreadable file, malformed YAML): becomes a `parse-error` finding. */
export interface LoadProblem {
  ruleId: DiagnosticId;
  severity: Severity;
  messageId: string;
  message: string;
  file: string;
  line: number;
  column: number;
}
