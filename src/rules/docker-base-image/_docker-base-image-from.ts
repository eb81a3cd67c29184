// Shared by the docker-base-image rules: what a stage's FROM refers to, and the words of FROM.
import type { DockerWord, Dockerfile, Stage } from "../../model/dockerfile.js";
import { type ImageRef, hasTemplate, parseImage } from "../../model/image.js";

export type FromTarget =
  | { kind: "scratch" }
  /** FROM <an earlier stage's alias>. */
  | { kind: "stage"; stage: Stage }
  /** A variable without a default: the image is only known at build time. */
  | { kind: "unknown" }
  /** An image reference; `image` has the global ARG defaults substituted. */
  | { kind: "image"; image: string; ref: ImageRef };

export function fromTarget(dockerfile: Dockerfile, stage: Stage): FromTarget {
  if (stage.baseStage !== undefined && stage.baseStage < stage.index) return { kind: "stage", stage: dockerfile.stages[stage.baseStage]! };
  const image = stage.baseResolved;
  if (image === undefined || image.trim() === "" || hasTemplate(image) || image.includes("$")) return { kind: "unknown" };
  if (image.toLowerCase() === "scratch") return { kind: "scratch" };
  return { kind: "image", image, ref: parseImage(image) };
}

/** The image word of FROM (flags are not words). */
export function imageWord(stage: Stage): DockerWord | undefined {
  return stage.from.words[0];
}

/** The alias word of `FROM image AS alias`. */
export function aliasWord(stage: Stage): DockerWord | undefined {
  const words = stage.from.words;
  const at = words.findIndex((w, i) => i >= 1 && w.value.toLowerCase() === "as");
  return at >= 1 ? words[at + 1] : undefined;
}

/** For messages: "" when FROM names the image literally, else ` (written as '${BASE}:1')`. */
export function writtenNote(stage: Stage, image: string): string {
  return stage.base === image ? "" : ` (written as '${stage.base}')`;
}
