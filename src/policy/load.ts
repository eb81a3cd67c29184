// Reads policy files (--policy, --vap, and the `policies` / `vap` lists of .shipshape.yaml): YAML or JSON,
// files or folders. Their objects are policy sources, not scan targets.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../engine/errors.js";
import { loadManifestText } from "../loaders/manifest.js";
import type { LoadProblem } from "../model/finding.js";
import type { Resource } from "../model/resource.js";

export interface LoadedPolicies {
  resources: Resource[];
  problems: LoadProblem[];
  files: string[];
}

const POLICY_EXT = /\.(ya?ml|json)$/i;

/** Loads every YAML/JSON file under the given paths. A path that does not exist is a usage error. */
export function loadPolicyFiles(paths: readonly string[], cwd: string): LoadedPolicies {
  const out: LoadedPolicies = { resources: [], problems: [], files: [] };
  const files: string[] = [];
  for (const given of paths) {
    // configuration entries are absolute; show them relative to where the scan runs
    const p = path.isAbsolute(given) ? path.relative(cwd, given) || "." : given;
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`policy path ${p} does not exist`);
    }
    if (st.isDirectory()) {
      for (const f of listFiles(abs)) files.push(path.join(p, path.relative(abs, f)));
    } else {
      files.push(p);
    }
  }
  for (const display of files) {
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, display), "utf8");
    } catch (err) {
      out.problems.push({ ruleId: "parse-error", severity: "high", messageId: "unreadable", message: `cannot read policy file: ${(err as Error).message}`, file: display, line: 1, column: 1 });
      continue;
    }
    const loaded = loadManifestText(text, display);
    out.resources.push(...loaded.resources);
    out.problems.push(...loaded.problems);
    out.files.push(display);
  }
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (POLICY_EXT.test(e.name)) out.push(p);
  }
  return out;
}
