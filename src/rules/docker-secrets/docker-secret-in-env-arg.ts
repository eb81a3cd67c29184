import { defineRule } from "../../engine/rule-types.js";
import type { Instruction, KeyValue } from "../../model/dockerfile.js";
import { copyOperands, stageInstructions } from "../../model/dockerfile-queries.js";
import { baseName } from "../docker-supply-chain/_trust-settings.js";
import { isNonSecretValue, secretFilePattern, secretNamePattern, secretValueKind } from "./_docker-secret-patterns.js";

// Runs on every stage; global ARGs (before the first FROM) are judged with stage 0 so they are reported once.
// - ARG whose name holds a secretNamePatterns entry: reported whatever its default, because a value passed with
//   --build-arg is recorded in the image history and build provenance (BuildKit's SecretsUsedInArgOrEnv check does
//   the same). Secrets belong in `RUN --mount=type=secret`.
// - ENV whose name holds a pattern and whose value is a literal: it is stored in the image configuration. Not
//   reported: empty values, references (`ENV TOKEN=$TOKEN`, which only copies a build argument — reported at its ARG),
//   booleans, numbers, paths and plain URLs.
// - Names whose last segment names a location or a setting are not credentials: TOKEN_URL, PASSWORD_FILE,
//   SECRET_NAME, SECRET_KEY_BASE_DUMMY, API_KEY_ID, ...
// - Any ENV or ARG default whose value has the shape of a credential (private key, URL with a password, AWS/GitHub/
//   GitLab/Slack/npm/Google/Stripe token), whatever the name.
// - COPY/ADD of a file matching secretFilePatterns (source basename, or the destination's when it names a file).
// Messages name the variable or the file, never a value.
export default defineRule({
  id: "docker-secret-in-env-arg",
  title: "Secret in ENV, ARG or a copied file",
  rationale:
    "Everything a Dockerfile puts into an image can be read by anyone who can pull it: ENV values sit in the image " +
    "configuration (`docker inspect`), build arguments in the image history and build provenance, and copied files " +
    "in a layer even if a later step deletes them.",
  attack:
    "An attacker who gets the image (a public registry, a leaked pull secret, a compromised node's image cache) runs " +
    "`docker history` or unpacks the layers and collects the passwords, tokens and private keys, then uses them " +
    "against the databases, registries and cloud accounts they unlock.",
  remediation:
    "Pass build-time secrets with `RUN --mount=type=secret,id=npm_token …` (`docker build --secret id=npm_token,…`), " +
    "which never stores them in the image. Give the running container its secrets at run time (Kubernetes Secrets, " +
    "a secret manager), not through ENV. Keep key files out of the build context with .dockerignore.",
  example: {
    insecure: "FROM node:20.12-alpine\nARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci\n",
    secure:
      "FROM node:20.12-alpine\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
  },
  messages: {
    arg: "build argument {{name}} looks like a credential (name matches \"{{pattern}}\"); build argument values are recorded in the image history",
    env: "ENV {{name}} sets a literal value that looks like a credential (name matches \"{{pattern}}\"); it is stored in the image configuration",
    value: "{{keyword}} {{name}} holds a value that looks like {{kind}}",
    file: "{{keyword}} puts {{file}} into the image, which looks like a secret file (matches \"{{pattern}}\")",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    const namePatterns = ctx.params.strings("secretNamePatterns");
    const filePatterns = ctx.params.strings("secretFilePatterns");

    const judge = (keyword: "ENV" | "ARG", p: KeyValue) => {
      const value = p.value ?? "";
      const kind = value === "" ? undefined : secretValueKind(value);
      if (kind) {
        ctx.report({ messageId: "value", data: { keyword, name: p.name, kind }, path: p.path });
        return;
      }
      const pattern = secretNamePattern(p.name, namePatterns);
      if (!pattern) return;
      if (keyword === "ARG") ctx.report({ messageId: "arg", data: { name: p.name, pattern }, path: p.path });
      else if (!isNonSecretValue(value)) ctx.report({ messageId: "env", data: { name: p.name, pattern }, path: p.path });
    };

    if (stage.index === 0) {
      for (const ins of dockerfile.instructions) if (ins.stage === undefined && ins.keyword === "ARG") for (const p of ins.properties) judge("ARG", p);
    }
    for (const ins of stageInstructions(stage)) {
      if (ins.keyword === "ENV" || ins.keyword === "ARG") for (const p of ins.properties) judge(ins.keyword, p);
      else if (ins.keyword === "COPY" || ins.keyword === "ADD") copied(ins);
    }

    function copied(ins: Instruction): void {
      const { sources, destination } = copyOperands(ins);
      for (const s of sources) {
        if (s.heredoc) continue;
        const pattern = secretFilePattern(s.value, filePatterns);
        if (pattern) {
          ctx.report({ messageId: "file", data: { keyword: ins.keyword, file: baseName(s.value), pattern }, path: s.path });
          return;
        }
      }
      if (destination && sources.length > 0 && !destination.value.endsWith("/") && !sources.every((s) => s.heredoc)) {
        const pattern = secretFilePattern(destination.value, filePatterns);
        if (pattern) ctx.report({ messageId: "file", data: { keyword: ins.keyword, file: baseName(destination.value), pattern }, path: destination.path });
      }
    }
  },
});
