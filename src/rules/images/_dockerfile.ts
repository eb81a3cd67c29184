// What user the image built by a Dockerfile runs as, and which workload images a Dockerfile of the scan builds.
//
// Dockerfiles of the scan are the inventory's objects of kind Dockerfile (one per stage, src/loaders/dockerfile.ts); a
// Dockerfile is named by its file as given on the command line.
import path from "node:path";
import type { Inventory } from "../../engine/inventory.js";
import { type ImageRef, hasTemplate, imageBaseName, imageName, parseImage } from "../../model/image.js";
import { DockerfileResource, type Dockerfile } from "../../model/dockerfile.js";
import { baseDefaultsToNonRoot, effectiveUser, isRootUser, stageChain } from "../../model/dockerfile-queries.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

export type UserVerdict =
  | { runsAs: "root"; line?: number; reason: string }
  | { runsAs: "non-root" }
  | { runsAs: "unknown" };

/**
 * The user the final stage of a Dockerfile runs as: its last USER, else that of the stage it builds on, else the base
 * image's (root, unless the base image is known to default to a non-root user).
 */
export function finalStageUser(df: Dockerfile): UserVerdict {
  const final = df.stages[df.stages.length - 1];
  if (!final) return { runsAs: "unknown" };
  const setting = effectiveUser(df, final);
  if (setting) {
    if (setting.user === undefined || setting.user === "") return { runsAs: "unknown" };
    if (!isRootUser(setting.user)) return { runsAs: "non-root" };
    return { runsAs: "root", line: setting.instruction.line, reason: `USER ${setting.instruction.args.trim()}` };
  }
  const from = stageChain(df, final)[0]!.baseResolved;
  if (from === undefined || from === "") return { runsAs: "unknown" };
  if (from.toLowerCase() === "scratch") return { runsAs: "root", reason: "no USER, FROM scratch" };
  const ref = parseImage(from);
  if (ref.templated || ref.problems.length > 0) return { runsAs: "unknown" };
  if (baseDefaultsToNonRoot(from)) return { runsAs: "non-root" };
  return { runsAs: "root", reason: `no USER in the final stage, which starts FROM ${from}` };
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

function buildIndex(inv: Inventory): DockerfileIndex {
  const files = new Map<string, UserVerdict>();
  for (const r of inv.ofKind("Dockerfile")) {
    if (!(r instanceof DockerfileResource) || !r.stage.isFinal) continue;
    files.set(normalizePath(r.dockerfile.file), finalStageUser(r.dockerfile));
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
