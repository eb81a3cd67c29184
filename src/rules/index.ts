// The registry of rule modules: an explicit list, sorted by id. A test checks it against the files in
// this folder and against the catalogue.
import type { RuleModule } from "../engine/rule-types.js";
import privilegedContainer from "./pod-security/privileged-container.js";

export const RULE_MODULES: readonly RuleModule[] = [
  privilegedContainer,
];
