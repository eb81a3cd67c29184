import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";

/**
 * Registries where anyone can create a namespace (user, organisation, project) next to yours, so a prefix
 * that stops inside the first path component also admits namespaces that merely start the same way.
 */
const PUBLIC_REGISTRIES = new Set([
  "docker.io", "index.docker.io", "registry-1.docker.io", "quay.io", "ghcr.io", "gcr.io", "us.gcr.io", "eu.gcr.io",
  "asia.gcr.io", "public.ecr.aws", "registry.gitlab.com", "docker.pkg.github.com",
]);

/**
 * Why a K8sAllowedRepos prefix admits more than it seems to, or undefined. Gatekeeper's library template
 * compares each image with `startswith(image, repo)`: a plain string prefix, not a path match.
 */
export function ambiguity(repo: string): string | undefined {
  const p = repo.trim();
  if (p === "" || p.endsWith("/") || p.includes("@")) return undefined;
  const slash = p.indexOf("/");
  if (slash < 0) {
    if (p.includes(":")) return undefined; // "host:5000" or "name:tag" ends in a port or a tag (a narrower prefix)
    return `'${p}' has no '/', so it also matches any registry or image whose name starts with it (such as '${p}.attacker.example/x' or '${p}-evil')`;
  }
  const host = p.slice(0, slash).toLowerCase();
  const parts = p.split("/").filter((x) => x !== "");
  if (PUBLIC_REGISTRIES.has(host) && parts.length <= 2 && !p.slice(slash + 1).includes(":")) {
    return `'${p}' stops inside a namespace of the public registry ${host}, so anyone who registers a namespace starting the same way (such as '${p}-evil') is allowed too`;
  }
  return undefined;
}

export default defineRule({
  id: "gatekeeper-repo-prefix-ambiguous",
  title: "Gatekeeper allowed-repo prefix too open",
  rationale:
    "Gatekeeper's K8sAllowedRepos constraint admits an image when it starts with one of the listed strings — a plain text " +
    "prefix, not a registry path. A prefix such as `myregistry.io` or `docker.io/myorg` without a trailing `/` therefore " +
    "also admits `myregistry.io.attacker.com/...` or `docker.io/myorg-fake/...`, which belong to someone else.",
  attack:
    "An attacker registers a domain or a public registry namespace that starts with the allowed prefix, publishes a malicious " +
    "image there, and gets it past the policy into the cluster, for example through a dependency update or a typo in a manifest.",
  remediation:
    "End every entry of `spec.parameters.repos` with `/` (for example `myregistry.io/` or `docker.io/myorg/`), so that it can " +
    "only match whole registry hosts and namespaces.",
  example: {
    insecure: `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sAllowedRepos
metadata:
  name: allowed-repos
spec:
  match:
    kinds:
      - apiGroups: [""]
        kinds: ["Pod"]
  parameters:
    repos:
      - "registry.example.com"
`,
    secure: `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sAllowedRepos
metadata:
  name: allowed-repos
spec:
  match:
    kinds:
      - apiGroups: [""]
        kinds: ["Pod"]
  parameters:
    repos:
      - "registry.example.com/"
`,
  },
  messages: {
    ambiguous: "Allowed repository prefix {{why}}",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!r.apiVersion.startsWith("constraints.gatekeeper.sh/")) return;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const params = isObject(spec.parameters) ? spec.parameters : {};
    const repos = params.repos;
    if (!Array.isArray(repos)) return;
    repos.forEach((repo, i) => {
      if (typeof repo !== "string") return;
      const why = ambiguity(repo);
      if (!why) return;
      const path = ["spec", "parameters", "repos", i];
      ctx.report({
        messageId: "ambiguous",
        data: { why },
        path,
        fix: fixes.set(path, `${repo.trim()}/`, {
          description: `Change the prefix to '${repo.trim()}/'`,
          safety: "unsafe",
          note: "Images that relied on the looser prefix (another port of the same host, a sibling namespace) are rejected afterwards; list those explicitly if they are wanted.",
        }),
      });
    });
  },
});
