// Test helper: an Environment built like the production one, with every library of this folder.
import { Environment } from "@marcbachmann/cel-js";
import { registerKubernetesLibraries } from "./index.js";

export function makeEnv(): Environment {
  const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false });
  env.registerVariable("object", "dyn");
  registerKubernetesLibraries(env);
  return env;
}

let shared: Environment | undefined;

/** Evaluates a CEL expression with `object` bound (to {} unless given). */
export function ev(expression: string, object: unknown = {}): unknown {
  shared ??= makeEnv();
  return shared.evaluate(expression, { object });
}
