// What Helm and Kustomize rendering share: options, results, and running the real tools.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../engine/errors.js";
import type { LoadProblem } from "../model/finding.js";
import type { Resource } from "../model/resource.js";

export interface RenderOptions {
  /** Folder that relative paths start from. */
  cwd: string;
  /** `helm` binary (default: `helm` on PATH). */
  helmBin?: string | undefined;
  /** `kubectl` or `kustomize` binary (default: `kubectl` on PATH, else `kustomize`). */
  kustomizeBin?: string | undefined;
  /** Helm values files (`--values`), as given. */
  values: string[];
  /** Helm `--set key=value` pairs. */
  set: string[];
  /** Helm release name (default `release`). */
  releaseName: string;
  /** Namespace objects are rendered into (`--default-namespace`). */
  namespace: string;
  /** Kubernetes version the charts are rendered for (`--kube-version`). */
  kubeVersion: string;
}

/** Objects rendered from one chart or kustomization root. */
export interface Rendered {
  resources: Resource[];
  problems: LoadProblem[];
  documents: number;
  skipped: number;
  /** Absolute paths of files the rendering read, which are therefore not scanned again as plain manifests. */
  consumed: string[];
  /** Render failed: the problems say why; the caller scans the root's files as plain manifests (Kustomize). */
  failed: boolean;
}

export class ToolMissingError extends Error {}

/** How to get each tool, for the error when it is missing. */
const HINTS: Record<string, string> = {
  helm: "install Helm (https://helm.sh/docs/intro/install/) or pass --helm-bin PATH; or render yourself and pipe: helm template RELEASE CHART -f values.yaml | shipshape scan -",
  kustomize: "install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize, or pass --kustomize-bin PATH; or render yourself and pipe: kubectl kustomize DIR | shipshape scan -",
};

/**
 * The binary to run: the one given (which must exist: a wrong --helm-bin is a usage error), else the first of
 * `candidates` on PATH. Throws ToolMissingError with how to get it when there is none.
 */
export function resolveTool(kind: "helm" | "kustomize", given: string | undefined, candidates: string[], cwd: string): string {
  if (given !== undefined) {
    const p = given.includes("/") || given.includes("\\") ? path.resolve(cwd, given) : onPath(given);
    if (p === undefined || !existsSync(p)) throw new UsageError(`--${kind}-bin: ${given} not found; ${HINTS[kind]}`);
    return p;
  }
  for (const c of candidates) {
    const p = onPath(c);
    if (p) return p;
  }
  throw new ToolMissingError(`${candidates.join(" or ")} not found on PATH; ${HINTS[kind]}`);
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Runs a tool and returns its stdout; rejects with an Error whose message is the tool's own (stderr) on failure.
 * Asynchronous: Helm charts and Kustomize roots of one scan render side by side.
 */
export function runToolAsync(bin: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const e = err as { message: string; code?: string | number };
      if (e.code === "ENOENT") return reject(new ToolMissingError(`${bin} could not be run (not found)`));
      const msg = typeof stderr === "string" ? stderr.trim() : "";
      reject(new Error(msg !== "" ? msg : e.message));
    });
  });
}

/** A render-error diagnostic for a chart or root, with the tool's message. */
export function renderProblem(file: string, message: string, line = 1): LoadProblem {
  return { ruleId: "render-error", severity: "high", messageId: "renderFailed", message, file, line, column: 1 };
}
