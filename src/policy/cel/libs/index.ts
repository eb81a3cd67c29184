import type { Environment } from "@marcbachmann/cel-js";
import { base64Library } from "./base64.js";
import { ipLibrary } from "./ip.js";
import { listsLibrary } from "./lists.js";
import { mathLibrary } from "./math.js";
import { quantityLibrary } from "./quantity.js";
import { regexLibrary } from "./regex.js";
import { semverLibrary } from "./semver.js";
import { setsLibrary } from "./sets.js";
import { stringsLibrary } from "./strings.js";
import { urlLibrary } from "./url.js";

/** One library of Kubernetes' CEL environment as shipshape provides it, for the docs and `explain`. */
export interface CelLibrary {
  /** e.g. "quantity", "url", "ip", "strings". */
  name: string;
  /** One line: what it is for. */
  summary: string;
  /** The functions and methods it adds, as CEL signatures, e.g. "quantity(string) -> Quantity". */
  functions: string[];
  /** Known gaps compared with Kubernetes' implementation, if any. */
  gaps?: string[];
  register(env: Environment): void;
}

/** Filled in by the libraries of this folder. */
export const LIBRARIES: CelLibrary[] = [
  stringsLibrary,
  listsLibrary,
  setsLibrary,
  regexLibrary,
  quantityLibrary,
  urlLibrary,
  ipLibrary,
  semverLibrary,
  mathLibrary,
  base64Library,
];

/** Adds every library to the environment. */
export function registerKubernetesLibraries(env: Environment): void {
  for (const lib of LIBRARIES) lib.register(env);
}
