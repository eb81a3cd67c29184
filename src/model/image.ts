// Container image references, read the way container runtimes and the kubelet read them
// (github.com/distribution/reference ParseNormalizedNamed, k8s.io/kubernetes pkg/util/parsers).

export interface ImageRef {
  /** The reference as written (untrimmed). */
  original: string;
  /** Registry host, with its port when one is given: "docker.io", "registry.k8s.io", "localhost:5000". */
  registry: string;
  /** Was the registry written, or is it the docker.io default? */
  explicitRegistry: boolean;
  /** Path inside the registry: "library/nginx", "ingress-nginx/controller". */
  repository: string;
  /** The tag as written, or undefined. */
  tag: string | undefined;
  /**
   * The tag the kubelet pulls: the written tag, or "latest" when neither a tag nor a digest is given
   * (undefined for a digest-only reference).
   */
  effectiveTag: string | undefined;
  /** "sha256:…" when the reference pins a digest. */
  digest: string | undefined;
  /** Parts of the reference hold unrendered template text ("${TAG}", "{{ .Values.tag }}", "$(IMAGE)"). */
  templated: boolean;
  /** Reasons a runtime would reject the reference (uppercase repository, bad tag, …); empty when valid. */
  problems: string[];
}

const DEFAULT_REGISTRY = "docker.io";
const LEGACY_DEFAULT_REGISTRY = "index.docker.io";

/** Does a string hold template text a renderer (Helm, envsubst, Kustomize vars, Kubernetes $(VAR)) would replace? */
export function hasTemplate(s: string): boolean {
  return /\$\{|\{\{|\}\}|\$\(|<%|%>|\{%|%\}|__[A-Z][A-Z0-9_]*__|<[A-Za-z_][\w .-]*>/.test(s);
}

const HOST_RE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*|\[[0-9a-fA-F:.]+\])(?::\d+)?$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * Parses an image reference. Never throws: what cannot be read becomes a `problems` entry, and template
 * leftovers set `templated` (callers should not judge the parts they cannot read).
 */
export function parseImage(input: string): ImageRef {
  const problems: string[] = [];
  const original = input;
  const s = input.trim();
  if (s !== input) problems.push("leading or trailing whitespace");
  const templated = hasTemplate(s);
  if (s === "") {
    return { original, registry: DEFAULT_REGISTRY, explicitRegistry: false, repository: "", tag: undefined, effectiveTag: undefined, digest: undefined, templated, problems: [...problems, "empty reference"] };
  }

  // Digest: everything after the first "@".
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!templated && !DIGEST_RE.test(digest)) problems.push(`invalid digest "${digest}"`);
  }

  // Registry: the first component, when it has a dot or a colon, is "localhost", or has uppercase letters.
  let registry = DEFAULT_REGISTRY;
  let explicitRegistry = false;
  const slash = rest.indexOf("/");
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === "localhost" || first.toLowerCase() !== first || first.startsWith("[")) {
      registry = first;
      explicitRegistry = true;
      rest = rest.slice(slash + 1);
    }
  }
  if (registry.toLowerCase() === LEGACY_DEFAULT_REGISTRY) registry = DEFAULT_REGISTRY;
  if (explicitRegistry && !hasTemplate(registry) && !HOST_RE.test(registry)) problems.push(`invalid registry host "${registry}"`);

  // Tag: after the last ":" of the remainder (the registry's port is gone already).
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon >= 0 && !rest.slice(colon + 1).includes("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!templated && !TAG_RE.test(tag)) problems.push(`invalid tag "${tag}"`);
  }

  let repository = rest;
  if (registry === DEFAULT_REGISTRY && repository !== "" && !repository.includes("/")) repository = `library/${repository}`;
  if (!templated) {
    if (repository === "") problems.push("missing repository name");
    else if (repository.toLowerCase() !== repository) problems.push("repository name must be lowercase");
    else if (!repository.split("/").every((c) => PATH_COMPONENT_RE.test(c))) problems.push(`invalid repository name "${repository}"`);
  }

  const effectiveTag = tag !== undefined && tag !== "" ? tag : digest === undefined ? "latest" : undefined;
  return { original, registry, explicitRegistry, repository, tag: tag === "" ? undefined : tag, effectiveTag, digest, templated, problems };
}

/** Registry and repository: "docker.io/library/nginx". */
export function imageName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The last path component of the repository: "controller" for "ingress-nginx/controller". */
export function imageBaseName(ref: ImageRef): string {
  const i = ref.repository.lastIndexOf("/");
  return i < 0 ? ref.repository : ref.repository.slice(i + 1);
}

/**
 * Does an image match a registry pattern of a user's list? A pattern is a registry host ("gcr.io",
 * "localhost:5000"), optionally followed by a path prefix ("gcr.io/my-project", "docker.io/library"); it
 * matches at path-component boundaries. `*` matches within one component ("*.dkr.ecr.us-east-1.amazonaws.com").
 * "docker.io" and "index.docker.io" are the same registry. Host comparison ignores case.
 */
export function matchesRegistryPattern(ref: ImageRef, pattern: string): boolean {
  const p = pattern.trim().replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
  if (p === "") return false;
  const slash = p.indexOf("/");
  let host = slash < 0 ? p : p.slice(0, slash);
  const path = slash < 0 ? "" : p.slice(slash + 1);
  if (host.toLowerCase() === LEGACY_DEFAULT_REGISTRY) host = DEFAULT_REGISTRY;
  if (!globMatch(host, ref.registry, true)) return false;
  if (path === "") return true;
  const want = path.split("/");
  const have = ref.repository.split("/");
  if (want.length > have.length) return false;
  return want.every((w, i) => globMatch(w, have[i] ?? "", false));
}

function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const re = new RegExp(`^${pattern.split("*").map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")}$`, ignoreCase ? "i" : "");
  return re.test(value);
}

/** A release version read from a tag: "v1.11.4", "9.2.3-ubuntu", "1.8.4-rc1" → [1, 11, 4] (prerelease suffix kept apart). */
export interface TagVersion {
  major: number;
  minor: number;
  patch: number;
  /** Text after the version, without the separating "-" or "+": "ubuntu", "rc1", "debian-11-r0". */
  suffix: string;
}

export function tagVersion(tag: string | undefined): TagVersion | undefined {
  if (tag === undefined) return undefined;
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+_.](.*))?$/.exec(tag);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), suffix: m[4] ?? "" };
}

/** Compares two version triples: negative when a < b. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
