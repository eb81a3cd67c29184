import { describe, expect, it } from "vitest";
import { compareVersions, hasTemplate, imageBaseName, imageName, matchesRegistryPattern, parseImage, tagVersion } from "./image.js";

describe("parseImage", () => {
  it.each([
    // [reference, registry, repository, tag, effectiveTag, digest]
    ["nginx", "docker.io", "library/nginx", undefined, "latest", undefined],
    ["nginx:1.27", "docker.io", "library/nginx", "1.27", "1.27", undefined],
    ["bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2", "7.2", undefined],
    ["docker.io/nginx", "docker.io", "library/nginx", undefined, "latest", undefined],
    ["index.docker.io/library/nginx:1", "docker.io", "library/nginx", "1", "1", undefined],
    ["registry.k8s.io/ingress-nginx/controller:v1.12.1", "registry.k8s.io", "ingress-nginx/controller", "v1.12.1", "v1.12.1", undefined],
    ["localhost/app", "localhost", "app", undefined, "latest", undefined],
    ["localhost:5000/team/app:dev", "localhost:5000", "team/app", "dev", "dev", undefined],
    ["myregistry:5000/app", "myregistry:5000", "app", undefined, "latest", undefined],
    ["[::1]:5000/app:2", "[::1]:5000", "app", "2", "2", undefined],
    ["foo:5000", "docker.io", "library/foo", "5000", "5000", undefined],
    ["quay.io/org/app@sha256:" + "a".repeat(64), "quay.io", "org/app", undefined, undefined, "sha256:" + "a".repeat(64)],
    ["nginx:1.27@sha256:" + "b".repeat(64), "docker.io", "library/nginx", "1.27", "1.27", "sha256:" + "b".repeat(64)],
    ["gcr.io/a/b/c/d:tag", "gcr.io", "a/b/c/d", "tag", "tag", undefined],
  ])("%s", (ref, registry, repository, tag, effectiveTag, digest) => {
    const r = parseImage(ref);
    expect({ registry: r.registry, repository: r.repository, tag: r.tag, effectiveTag: r.effectiveTag, digest: r.digest }).toEqual({
      registry, repository, tag, effectiveTag, digest,
    });
    expect(r.problems).toEqual([]);
    expect(r.templated).toBe(false);
  });

  it("marks an explicit registry", () => {
    expect(parseImage("nginx").explicitRegistry).toBe(false);
    expect(parseImage("docker.io/nginx").explicitRegistry).toBe(true);
    expect(parseImage("team/app").explicitRegistry).toBe(false);
  });

  it("reports an uppercase repository as a problem, and reads an uppercase first component as a registry", () => {
    expect(parseImage("Nginx:1").problems).toContain("repository name must be lowercase");
    const r = parseImage("MyRegistry/app:1");
    expect(r.registry).toBe("MyRegistry");
    expect(r.repository).toBe("app");
    expect(r.problems).toEqual([]);
  });

  it("reports bad tags, digests, empty references and whitespace without throwing", () => {
    expect(parseImage("nginx:bad/tag").problems.length).toBeGreaterThan(0);
    expect(parseImage("nginx:-x").problems).toContain('invalid tag "-x"');
    expect(parseImage("nginx@sha256:xyz").problems).toContain('invalid digest "sha256:xyz"');
    expect(parseImage("").problems).toContain("empty reference");
    expect(parseImage(" nginx:1 ").problems).toContain("leading or trailing whitespace");
    expect(parseImage(" nginx:1 ").tag).toBe("1");
  });

  it.each(["${IMAGE}", "{{ .Values.image.repository }}:{{ .Values.image.tag }}", "repo/app:${TAG}", "$(IMAGE)", "__IMAGE__", "<YOUR-CONTAINER>", "<image_url>"])(
    "treats %s as a template leftover",
    (ref) => {
      const r = parseImage(ref);
      expect(r.templated).toBe(true);
      expect(r.problems).toEqual([]);
    },
  );

  it("keeps the readable parts of a partly templated reference", () => {
    const r = parseImage("${REGISTRY}/team/app:1.0");
    expect(r.registry).toBe("${REGISTRY}");
    expect(r.repository).toBe("team/app");
    expect(r.tag).toBe("1.0");
    expect(hasTemplate(r.repository)).toBe(false);
  });

  it("names images", () => {
    expect(imageName(parseImage("nginx"))).toBe("docker.io/library/nginx");
    expect(imageBaseName(parseImage("registry.k8s.io/ingress-nginx/controller:v1"))).toBe("controller");
    expect(imageBaseName(parseImage("nginx"))).toBe("nginx");
  });
});

describe("matchesRegistryPattern", () => {
  it.each([
    ["nginx", "docker.io", true],
    ["nginx", "index.docker.io", true],
    ["nginx", "docker.io/library", true],
    ["bitnami/nginx", "docker.io/library", false],
    ["gcr.io/my-project/app", "gcr.io", true],
    ["gcr.io/my-project/app", "GCR.IO/my-project", true],
    ["gcr.io/my-project-2/app", "gcr.io/my-project", false],
    ["gcr.io.evil.com/app", "gcr.io", false],
    ["123.dkr.ecr.us-east-1.amazonaws.com/app", "*.dkr.ecr.us-east-1.amazonaws.com", true],
    ["localhost:5000/app", "localhost:5000", true],
    ["localhost:5000/app", "localhost", false],
    ["quay.io/org/app", "https://quay.io/", true],
    ["quay.io/org/app", "", false],
  ])("%s ~ %s is %s", (ref, pattern, want) => {
    expect(matchesRegistryPattern(parseImage(ref), pattern)).toBe(want);
  });
});

describe("tagVersion", () => {
  it("reads release versions from tags", () => {
    expect(tagVersion("v1.11.4")).toEqual({ major: 1, minor: 11, patch: 4, suffix: "" });
    expect(tagVersion("9.2.3-ubuntu")).toEqual({ major: 9, minor: 2, patch: 3, suffix: "ubuntu" });
    expect(tagVersion("1.2")).toBeUndefined();
    expect(tagVersion("latest")).toBeUndefined();
    expect(tagVersion(undefined)).toBeUndefined();
  });
  it("compares versions", () => {
    expect(compareVersions([1, 2, 3], [1, 10, 0])).toBeLessThan(0);
    expect(compareVersions([2, 0, 0], [1, 99, 99])).toBeGreaterThan(0);
    expect(compareVersions([1, 2], [1, 2, 0])).toBe(0);
  });
});
