import type { Params } from "./rule-types.js";

/** Parameters of one rule: configured values over catalogue defaults, read with a type check. */
export function makeParams(ruleId: string, defaults: Record<string, unknown>, overrides: Record<string, unknown> = {}): Params {
  const values = { ...defaults, ...overrides };
  const get = (name: string): unknown => {
    if (!(name in values)) throw new Error(`rule ${ruleId} has no parameter "${name}"`);
    return values[name];
  };
  return {
    raw: get,
    strings(name) {
      const v = get(name);
      if (!Array.isArray(v)) throw new Error(`parameter ${ruleId}.${name} must be a list`);
      return v.map(String);
    },
    number(name) {
      const v = get(name);
      if (typeof v !== "number") throw new Error(`parameter ${ruleId}.${name} must be a number`);
      return v;
    },
    boolean(name) {
      const v = get(name);
      if (typeof v !== "boolean") throw new Error(`parameter ${ruleId}.${name} must be true or false`);
      return v;
    },
  };
}
