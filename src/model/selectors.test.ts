import { describe, expect, it } from "vitest";
import { matchesLabelMap, matchesSelector, readSelector } from "./selectors.js";

describe("label selectors", () => {
  const labels = { app: "web", tier: "front" };
  it.each([
    [{}, true],
    [{ matchLabels: { app: "web" } }, true],
    [{ matchLabels: { app: "db" } }, false],
    [{ matchExpressions: [{ key: "tier", operator: "In", values: ["front", "edge"] }] }, true],
    [{ matchExpressions: [{ key: "tier", operator: "In", values: ["back"] }] }, false],
    [{ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["back"] }] }, true],
    [{ matchExpressions: [{ key: "missing", operator: "NotIn", values: ["x"] }] }, true],
    [{ matchExpressions: [{ key: "app", operator: "Exists" }] }, true],
    [{ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, false],
    [{ matchExpressions: [{ key: "app", operator: "Bogus" }] }, false],
    [{ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "Exists" }] }, true],
  ])("%j → %s", (sel, want) => {
    expect(matchesSelector(readSelector(sel)!, labels)).toBe(want);
  });

  it("reads only objects as selectors", () => {
    expect(readSelector(undefined)).toBeUndefined();
    expect(readSelector("app=web")).toBeUndefined();
    expect(readSelector({ matchLabels: { replicas: 3 } })).toEqual({ matchLabels: { replicas: "3" } });
  });

  it("matches plain label maps", () => {
    expect(matchesLabelMap({ app: "web" }, labels)).toBe(true);
    expect(matchesLabelMap({ app: "web", x: "y" }, labels)).toBe(false);
    expect(matchesLabelMap({}, labels)).toBe(true);
  });
});
