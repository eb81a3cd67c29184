import { Environment } from "@marcbachmann/cel-js";
import { describe, expect, it } from "vitest";
import { LIBRARIES, registerKubernetesLibraries } from "./index.js";
import { ev, makeEnv } from "./test-env.js";

describe("Kubernetes CEL libraries", () => {
  it("lists every library once, documented", () => {
    const names = LIBRARIES.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(["strings", "lists", "sets", "regex", "quantity", "url", "ip", "semver", "math", "base64"]),
    );
    for (const lib of LIBRARIES) {
      expect(lib.summary).not.toBe("");
      expect(lib.functions.length).toBeGreaterThan(0);
    }
  });

  it("registers on every fresh environment, including default options and clones", () => {
    const a = makeEnv();
    const b = makeEnv();
    expect(a.evaluate('quantity("1") == quantity("1000m")')).toBe(true);
    expect(b.evaluate('cidr("10.0.0.0/8").containsIP("10.0.0.1")')).toBe(true);
    const plain = new Environment();
    registerKubernetesLibraries(plain);
    expect(plain.evaluate('sets.contains([1, 2], [2])')).toBe(true);
    const child = a.clone();
    expect(child.evaluate('semver("1.0.0").isLessThan(semver("1.0.1"))')).toBe(true);
  });

  it("type-checks expressions using the libraries", () => {
    const env = makeEnv();
    expect(env.check('quantity("1Gi").isGreaterThan(quantity("512Mi"))')).toMatchObject({ valid: true, type: "bool" });
    expect(env.check('url("https://x").getQuery()')).toMatchObject({ valid: true, type: "map<string, list<string>>" });
    expect(env.check('ip("1.2.3.4").family() + 1')).toMatchObject({ valid: true, type: "int" });
    expect(env.check("[1, 2].max() + 1")).toMatchObject({ valid: true, type: "int" });
    expect(env.check('quantity("1").isGreaterThan("1")').valid).toBe(false);
  });

  it("runs policy-style expressions over a manifest", () => {
    const pod = {
      spec: {
        containers: [
          { name: "app", image: "registry.example.com/app:1.2.3", resources: { limits: { cpu: "500m", memory: "1Gi" } } },
          { name: "side", image: "busybox", resources: { limits: { cpu: "2", memory: "256Mi" } } },
        ],
      },
    };
    expect(
      ev(
        'object.spec.containers.all(c, quantity(c.resources.limits.memory).compareTo(quantity("2Gi")) <= 0)',
        pod,
      ),
    ).toBe(true);
    expect(ev('object.spec.containers.filter(c, c.image.findAll(":").size() == 0).map(c, c.name)', pod)).toEqual(["side"]);
    expect(ev('semver(object.spec.containers[0].image.split(":")[1]).isGreaterThan(semver("1.0.0"))', pod)).toBe(true);
    expect(
      ev('object.spec.containers.map(c, quantity(c.resources.limits.cpu).asApproximateFloat()).sum()', pod),
    ).toBe(2.5);
  });
});
