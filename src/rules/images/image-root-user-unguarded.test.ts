import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import { loadDockerfileText } from "../../loaders/dockerfile.js";
import { loadShellParser } from "../../loaders/shell.js";
import { finalStageUser, nameFromPath } from "./_dockerfile.js";
import rule from "./image-root-user-unguarded.js";

const shell = await loadShellParser();
// Dockerfiles scanned with the manifests, by path.
const dockerfile = (path: string, text: string): Record<string, string> => ({ [path]: text });
/** Splits a list of Dockerfiles (path → text) and Kubernetes objects into a test case's dockerfiles and manifest. */
const mixed = (items: object[]) => {
  const files = items.filter((i): i is Record<string, string> => Object.values(i).every((v) => typeof v === "string") && Object.keys(i).some((k) => k.includes("Dockerfile")));
  return { dockerfiles: Object.assign({}, ...files) as Record<string, string>, manifest: items.filter((i) => !files.includes(i as Record<string, string>)) };
};
const rootFile = { "src/adservice/Dockerfile": "FROM eclipse-temurin:21-jre\nWORKDIR /app\nCOPY app.jar .\nENTRYPOINT [\"java\", \"-jar\", \"app.jar\"]\n" };
const userRoot = { "services/api/Dockerfile.api": "FROM node:20\nUSER node\nRUN npm ci\nUSER root\n" };
const nonRootFile = { "src/cart/Dockerfile": "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nUSER 65532:65532\n" };
const img = (image: string, extra: object = {}) => container({ image, ...extra });

ruleTester(rule, {
  valid: [
    { name: "no Dockerfile in the scan", manifest: pod({ containers: [img("registry.example/adservice:1.0")] }) },
    { name: "the Dockerfile sets a non-root USER", ...mixed([nonRootFile, pod({ containers: [img("registry.example/cart:1.0")] })]) },
    { name: "runAsNonRoot at pod level", ...mixed([rootFile, pod({ securityContext: { runAsNonRoot: true }, containers: [img("registry.example/adservice:1.0")] })]) },
    { name: "non-zero runAsUser at container level", ...mixed([rootFile, pod({ containers: [img("registry.example/adservice:1.0", { securityContext: { runAsUser: 1000 } })] })]) },
    { name: "an image of another name", ...mixed([rootFile, pod({ containers: [img("registry.example/frontend:1.0")] })]) },
    { name: "an official image named like the folder", ...mixed([dockerfile("redis/Dockerfile", "FROM debian\n"), pod({ containers: [img("redis:7")] })]) },
    { name: "Windows pods", ...mixed([rootFile, pod({ os: { name: "windows" }, containers: [img("registry.example/adservice:1.0")] })]) },
    { name: "USER from an unknown build argument", ...mixed([dockerfile("x/Dockerfile", "FROM alpine\nARG APP_USER\nUSER ${APP_USER}\n"), pod({ containers: [img("registry.example/x:1")] })]) },
    { name: "templated base image without USER", ...mixed([dockerfile("y/Dockerfile", "ARG BASE\nFROM ${BASE}\n"), pod({ containers: [img("registry.example/y:1")] })]) },
    { name: "a variant Dockerfile is not linked by name", ...mixed([dockerfile("z/Dockerfile.dev", "FROM alpine\n"), pod({ containers: [img("registry.example/dev:1")] })]) },
    {
      name: "two Dockerfiles suggest the name and disagree",
      ...mixed([dockerfile("a/web/Dockerfile", "FROM alpine\n"), dockerfile("b/web/Dockerfile", "FROM alpine\nUSER 1000\n"), pod({ containers: [img("registry.example/web:1")] })]),
    },
  ],
  invalid: [
    {
      name: "no USER in the final stage, nothing in the pod",
      ...mixed([rootFile, pod({ containers: [img("us-docker.pkg.dev/demo/adservice:v1")] })]),
      errors: [{ messageId: "root", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app", object: "Pod/p" }],
    },
    {
      name: "USER root, runAsNonRoot false at pod level",
      dockerfiles: { "services/api/Dockerfile.api": "FROM node:20\nUSER root\n" },
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  securityContext:
    runAsNonRoot: false
  containers:
    - name: api
      image: registry.example/team/api:2.0
`,
      errors: [{ messageId: "root", path: "spec.securityContext.runAsNonRoot", container: "api", line: 7 }],
    },
    {
      name: "explicit runAsUser 0 in a Deployment's init and ephemeral containers",
      ...mixed([
        userRoot,
        deployment({
          initContainers: [{ ...img("registry.example/api:1", { securityContext: { runAsUser: 0 } }), name: "init" }],
          containers: [img("registry.example/api:1", { securityContext: { runAsNonRoot: true } })],
          ephemeralContainers: [{ ...img("registry.example/api:1"), name: "debug" }],
        }),
      ]),
      errors: [
        { messageId: "root", path: "spec.template.spec.initContainers[0].securityContext.runAsUser", container: "init" },
        { messageId: "root", path: "spec.template.spec.ephemeralContainers[0].securityContext.runAsNonRoot", container: "debug" },
      ],
    },
    {
      name: "linked through a Skaffold artifact, in a CronJob",
      ...mixed([
        { apiVersion: "skaffold/v4beta11", kind: "Config", metadata: { name: "app" }, build: { artifacts: [{ image: "batch-runner", context: "jobs/runner", docker: { dockerfile: "build.Dockerfile" } }] } },
        dockerfile("jobs/runner/build.Dockerfile", "FROM python:3.12 AS base\nRUN pip install x\nFROM base\nCOPY . .\n"),
        cronJob({ containers: [img("gcr.io/proj/batch-runner:abc")] }),
      ]),
      errors: [{ messageId: "root", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsNonRoot", container: "app" }],
    },
  ],
});

const load = (text: string) => loadDockerfileText(text, "Dockerfile", shell).dockerfile!;

describe("finalStageUser", () => {
  it.each([
    ["FROM alpine\n", "root"],
    ["FROM alpine\nUSER 1000\n", "non-root"],
    ["FROM alpine\nUSER app:app\n", "non-root"],
    ["FROM alpine\nUSER 0:0\n", "root"],
    ["FROM alpine\nUSER root:app\n", "root"],
    ["FROM alpine AS a\nUSER 1000\nFROM a\nRUN x\n", "non-root"],
    ["FROM alpine AS a\nUSER 1000\nFROM alpine\nCOPY --from=a /x /x\n", "root"],
    ["FROM scratch\nCOPY app /\n", "root"],
    ["FROM gcr.io/distroless/static:nonroot\n", "non-root"],
    ["FROM nginxinc/nginx-unprivileged:1.27\n", "non-root"],
    ["ARG UID=1001\nFROM alpine\nARG UID\nUSER ${UID}\n", "non-root"],
    ["FROM alpine\nARG U=0\nUSER $U\n", "root"],
    ["FROM alpine\nENV APP_UID=10001\nUSER ${APP_UID}\n", "non-root"],
    ["FROM alpine\nUSER ${NOPE}\n", "unknown"],
    ["FROM ${BASE}\n", "unknown"],
    ["# a comment only\n", "unknown"],
    ["FROM --platform=$BUILDPLATFORM alpine AS b\nRUN <<EOF\nUSER 1000\nEOF\n", "root"],
    ["FROM alpine\nRUN adduser -D app && \\\n  # a comment in a continuation\n  echo done\nUSER app\n", "non-root"],
  ])("%j runs as %s", (text, want) => {
    expect(finalStageUser(load(text)).runsAs).toBe(want);
  });

  it("names the USER line", () => {
    expect(finalStageUser(load("FROM node:20\nRUN x\nUSER root\n"))).toEqual({ runsAs: "root", line: 3, reason: "USER root" });
  });

  it("handles the escape directive", () => {
    expect(finalStageUser(load("# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\nRUN a `\n  b\nUSER ContainerUser\n")).runsAs).toBe("non-root");
  });
});

describe("nameFromPath", () => {
  it.each([
    ["src/adservice/Dockerfile", "adservice"],
    ["src/cartservice/src/Dockerfile", "cartservice"],
    ["pilot/docker/Dockerfile.pilot", "pilot"],
    ["images/web.Dockerfile", "web"],
    ["Dockerfile", undefined],
    ["docker/Dockerfile", undefined],
    ["src/cartservice/src/Dockerfile.debug", undefined],
    ["C:\\repo\\api\\Dockerfile", "api"],
  ])("%s suggests %s", (p, want) => {
    expect(nameFromPath(p)).toBe(want);
  });
});
