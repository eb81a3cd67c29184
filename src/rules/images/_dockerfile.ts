// What user the image built by a Dockerfile runs as, and which workload images a Dockerfile of the scan builds.
//
// Contract with the loader (Dockerfiles are not loaded as objects yet): a Dockerfile of the scan is a Resource of kind
// `Dockerfile` whose `object.text` is the file's content; its path is `object.path` when set, else `metadata.name`,
// else `source.file`. The rule reports nothing while no such objects exist.
import path from "node:path";
import type { Inventory } from "../../engine/inventory.js";
import { type ImageRef, hasTemplate, imageBaseName, imageName, parseImage } from "../../model/image.js";
import type { Resource } from "../../model/resource.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line of the instruction in the Dockerfile. */
  line: number;
}

/** Splits a Dockerfile into instructions: comments, parser directives, line continuations and heredoc bodies handled. */
export function parseInstructions(text: string): Instruction[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let escape = "\\";
  // Parser directives (`# escape=``) come first, before any instruction or blank line.
  for (const l of lines) {
    const m = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(l);
    if (!m) break;
    if (m[1]!.toLowerCase() === "escape" && (m[2] === "`" || m[2] === "\\")) escape = m[2];
  }
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    const start = i + 1;
    i++;
    if (/^\s*(#|$)/.test(first)) continue;
    let logical = first;
    while (logical.trimEnd().endsWith(escape) && i < lines.length) {
      logical = logical.trimEnd().slice(0, -1);
      // Comment lines inside a continued instruction are dropped.
      while (i < lines.length && /^\s*#/.test(lines[i]!)) i++;
      if (i < lines.length) logical += ` ${lines[i]!}`;
      i++;
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(logical);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    out.push({ keyword, args, line: start });
    // Heredocs (RUN <<EOF … EOF): skip their bodies.
    for (const h of args.matchAll(/<<-?\s*["']?([A-Za-z_][\w]*)["']?/g)) {
      const end = h[1]!;
      while (i < lines.length && lines[i]!.trim() !== end) i++;
      i++;
    }
  }
  return out;
}

export type UserVerdict =
  | { runsAs: "root"; line?: number; reason: string }
  | { runsAs: "non-root" }
  | { runsAs: "unknown" };

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

function stagesOf(ins: Instruction[]): { globalArgs: Map<string, string>; stages: Stage[] } {
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const x of ins) {
    if (x.keyword === "FROM") {
      const words = x.args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const asAt = words.findIndex((w) => w.toLowerCase() === "as");
      stages.push({ from: words[0] ?? "", name: asAt >= 0 ? words[asAt + 1]?.toLowerCase() : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (x.keyword === "ARG") for (const [k, v] of argDefaults(x.args)) globalArgs.set(k, v);
    } else {
      stages[stages.length - 1]!.instructions.push(x);
    }
  }
  return { globalArgs, stages };
}

function argDefaults(args: string): [string, string][] {
  const out: [string, string][] = [];
  for (const w of args.split(/\s+/)) {
    const m = /^([A-Za-z_]\w*)=(.*)$/.exec(w);
    if (m) out.push([m[1]!, m[2]!.replace(/^["']|["']$/g, "")]);
  }
  return out;
}

/** Replaces $VAR, ${VAR} and ${VAR:-default}; undefined when a variable is unknown. */
function substitute(s: string, vars: Map<string, string>): string | undefined {
  let unknown = false;
  const out = s.replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/g, (_, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const v = vars.get((a ?? b)!);
    if (v !== undefined && v !== "") return v;
    if (def !== undefined) return def;
    unknown = true;
    return "";
  });
  return unknown ? undefined : out;
}

function isRootUser(user: string): boolean {
  const u = user.split(":")[0]!.trim();
  return u === "root" || /^0+$/.test(u);
}

/** Base images known to default to a non-root user, by name: distroless ":nonroot", "-unprivileged", "rootless" builds. */
function baseRunsNonRoot(ref: ImageRef): boolean {
  const text = `${ref.repository}:${ref.tag ?? ""}`.toLowerCase();
  return /non-?root|unprivileged|rootless/.test(text);
}

/** The user the final stage of a Dockerfile runs as. */
export function finalStageUser(text: string): UserVerdict {
  const { globalArgs, stages } = stagesOf(parseInstructions(text));
  if (stages.length === 0) return { runsAs: "unknown" };
  const byName = new Map<string, number>();
  stages.forEach((s, i) => {
    if (s.name !== undefined) byName.set(s.name, i);
  });
  const verdictOf = (index: number, depth: number): UserVerdict => {
    const stage = stages[index]!;
    if (depth > stages.length) return { runsAs: "unknown" };
    const vars = new Map(globalArgs);
    let user: Instruction | undefined;
    let userVars = vars;
    for (const x of stage.instructions) {
      if (x.keyword === "ARG") for (const [k, v] of argDefaults(x.args)) vars.set(k, v);
      if (x.keyword === "ENV") for (const [k, v] of argDefaults(x.args)) vars.set(k, v);
      if (x.keyword === "USER") {
        user = x;
        userVars = new Map(vars);
      }
    }
    if (user) {
      const value = substitute(user.args, userVars);
      if (value === undefined || value === "") return { runsAs: "unknown" };
      return isRootUser(value) ? { runsAs: "root", line: user.line, reason: `USER ${user.args}` } : { runsAs: "non-root" };
    }
    const from = substitute(stage.from, globalArgs);
    if (from === undefined || from === "") return { runsAs: "unknown" };
    const parent = byName.get(from.toLowerCase());
    if (parent !== undefined && parent < index) return verdictOf(parent, depth + 1);
    if (from.toLowerCase() === "scratch") return { runsAs: "root", reason: "no USER, FROM scratch" };
    const ref = parseImage(from);
    if (ref.templated || ref.problems.length > 0) return { runsAs: "unknown" };
    if (baseRunsNonRoot(ref)) return { runsAs: "non-root" };
    return { runsAs: "root", reason: `no USER in the final stage, which starts FROM ${from}` };
  };
  return verdictOf(stages.length - 1, 0);
}

/** Folder names that say nothing about the image a Dockerfile builds. */
const GENERIC_DIRS = new Set(["", ".", "..", "docker", "dockerfiles", "build", "builds", "src", "source", "app", "apps", "image", "images", "deploy", "deployment", "ci", "container", "containers", "files", "main"]);

/**
 * The image name a Dockerfile's path suggests: the suffix of `Dockerfile.<name>`, the prefix of `<name>.Dockerfile`, or
 * for a plain `Dockerfile` its folder (skipping generic folders such as `docker/` or `src/`). Files whose name marks a
 * variant (`Dockerfile.dev`, `Dockerfile.debug`) are not matched by name.
 */
export function nameFromPath(file: string): string | undefined {
  const p = file.replace(/\\/g, "/");
  const base = path.posix.basename(p);
  const variant = /^(dev|development|debug|test|tests|testing|ci|local|tilt|prod|production|release|build|builder|base|alpine|debian|ubuntu|slim|windows|arm64|amd64|distroless|e2e|fuzz)$/i;
  let m = /^dockerfile\.(.+)$/i.exec(base);
  if (m) return variant.test(m[1]!) ? undefined : m[1]!.toLowerCase();
  m = /^(.+)\.dockerfile$/i.exec(base);
  if (m) return variant.test(m[1]!) ? undefined : m[1]!.toLowerCase();
  if (base.toLowerCase() !== "dockerfile") return undefined;
  let dir = path.posix.dirname(p);
  for (let up = 0; up < 3 && dir !== "." && dir !== "/" && dir !== ""; up++) {
    const d = path.posix.basename(dir).toLowerCase();
    if (!GENERIC_DIRS.has(d)) return d;
    dir = path.posix.dirname(dir);
  }
  return undefined;
}

/** Widely used Docker Hub official images, which a bare name in a manifest usually means. */
const OFFICIAL_IMAGES = new Set([
  "alpine", "busybox", "ubuntu", "debian", "centos", "fedora", "amazonlinux", "archlinux", "oraclelinux", "rockylinux",
  "almalinux", "nginx", "httpd", "caddy", "traefik", "haproxy", "redis", "memcached", "postgres", "mysql", "mariadb",
  "mongo", "cassandra", "couchdb", "elasticsearch", "kibana", "logstash", "influxdb", "telegraf", "rabbitmq", "nats",
  "zookeeper", "solr", "neo4j", "registry", "vault", "consul", "node", "python", "golang", "ruby", "php", "perl", "rust",
  "openjdk", "eclipse-temurin", "amazoncorretto", "tomcat", "jetty", "maven", "gradle", "gcc", "bash", "docker",
  "wordpress", "ghost", "drupal", "joomla", "nextcloud", "jenkins", "sonarqube", "adminer", "percona", "postgis",
  "eclipse-mosquitto", "hello-world", "bitnami", "swift", "erlang", "elixir", "haskell", "julia", "clojure", "groovy",
]);

export interface BuiltImage {
  dockerfile: string;
  verdict: UserVerdict;
  /** How the Dockerfile was linked to the image. */
  via: "skaffold" | "name";
}

interface DockerfileIndex {
  /** Full image name (registry/repository) or bare name → Dockerfile, from Skaffold configs. */
  skaffold: Map<string, BuiltImage>;
  /** Suggested image base name → Dockerfiles. */
  byName: Map<string, BuiltImage[]>;
}

function normalizePath(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, "/")).replace(/^\.\//, "");
}

export function dockerfilePath(r: Resource): string {
  if (typeof r.object.path === "string" && r.object.path !== "") return normalizePath(r.object.path);
  return normalizePath(r.name !== "" ? r.name : r.source.file);
}

function buildIndex(inv: Inventory): DockerfileIndex {
  const files = new Map<string, UserVerdict>();
  for (const r of inv.ofKind("Dockerfile")) {
    if (typeof r.object.text !== "string") continue;
    files.set(dockerfilePath(r), finalStageUser(r.object.text));
  }
  const skaffold = new Map<string, BuiltImage>();
  const byName = new Map<string, BuiltImage[]>();
  if (files.size === 0) return { skaffold, byName };

  // Skaffold: build.artifacts[] (also of profiles) name the image, its context folder and Dockerfile.
  for (const r of inv.ofKind("Config")) {
    if (!r.apiVersion.startsWith("skaffold/")) continue;
    const dir = path.posix.dirname(r.source.file.replace(/\\/g, "/"));
    const builds = [r.object.build, ...asArray(r.object.profiles).map((p) => (isObject(p) ? p.build : undefined))];
    for (const b of builds) {
      if (!isObject(b)) continue;
      for (const a of asArray(b.artifacts)) {
        if (!isObject(a) || typeof a.image !== "string" || hasTemplate(a.image)) continue;
        const context = typeof a.context === "string" ? a.context : ".";
        const docker = isObject(a.docker) ? a.docker : {};
        const dockerfile = typeof docker.dockerfile === "string" ? docker.dockerfile : "Dockerfile";
        const file = normalizePath(path.posix.join(dir, context, dockerfile));
        const verdict = files.get(file);
        if (!verdict) continue;
        const ref = parseImage(a.image);
        const built: BuiltImage = { dockerfile: file, verdict, via: "skaffold" };
        skaffold.set(imageName(ref), built);
        if (!ref.explicitRegistry && !ref.repository.replace(/^library\//, "").includes("/")) skaffold.set(`bare:${imageBaseName(ref)}`, built);
      }
    }
  }

  for (const [file, verdict] of files) {
    const name = nameFromPath(file);
    if (name === undefined) continue;
    const list = byName.get(name) ?? [];
    list.push({ dockerfile: file, verdict, via: "name" });
    byName.set(name, list);
  }
  return { skaffold, byName };
}

/** The Dockerfile of the scan that builds this image, when one can be told. */
export function dockerfileFor(inv: Inventory, ref: ImageRef): BuiltImage | undefined {
  const index = inv.memo("images/dockerfile-links", buildIndex);
  if (index.skaffold.size === 0 && index.byName.size === 0) return undefined;
  const linked = index.skaffold.get(imageName(ref)) ?? index.skaffold.get(`bare:${imageBaseName(ref)}`);
  if (linked) return linked;
  // Docker Hub's official images are not built from the project's own Dockerfiles: an explicit docker.io/library/…
  // reference, or a bare name of a well-known official image, is not linked by name.
  if (ref.registry === "docker.io" && ref.repository.startsWith("library/")) {
    if (ref.explicitRegistry || OFFICIAL_IMAGES.has(imageBaseName(ref))) return undefined;
  }
  const candidates = index.byName.get(imageBaseName(ref));
  if (!candidates || candidates.length === 0) return undefined;
  // Several Dockerfiles suggest the same name: only a unanimous verdict counts.
  const first = candidates[0]!;
  return candidates.every((c) => c.verdict.runsAs === first.verdict.runsAs) ? first : undefined;
}
