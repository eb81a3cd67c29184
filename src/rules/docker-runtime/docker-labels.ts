import { defineRule } from "../../engine/rule-types.js";
import type { KeyValue } from "../../model/dockerfile.js";
import { KNOWN_LABELS, isValidLabelValue } from "./_runtime-labels.js";
import { stageChain } from "../../model/dockerfile-queries.js";

// Two checks.
// - requiredLabels (default none): judged on the final stage with the labels of the local stages it builds on
//   (FROM <alias>); a label never set is reported on the final FROM, one whose value is empty ("") on that label's name.
//   Labels of an external base image cannot be seen.
// - Values of well-known labels (_runtime-labels.ts), in every stage's own LABELs: URL, RFC 3339 date-time, SPDX
//   expression, git commit hash, e-mail address. Values holding `$` are only known at build time and are skipped.
export default defineRule({
  id: "docker-labels",
  title: "Image labels missing or invalid",
  rationale:
    "Labels such as `org.opencontainers.image.source`, `.revision` and `.licenses` tell registries, scanners and " +
    "incident responders where an image comes from, which commit it was built from and who owns it. When they are " +
    "missing or malformed, tools cannot parse them and a vulnerable image cannot be traced back to its code or team.",
  attack:
    "No direct attack; untraceable images slow down incident response and make it hard to prove which build is " +
    "running, which helps a tampered or outdated image go unnoticed.",
  remediation:
    "Set the labels your organisation requires, in the final stage, with well-formed values: URLs with a scheme " +
    "(`https://github.com/org/repo`), RFC 3339 dates (`2024-05-01T12:00:00Z`), SPDX expressions (`Apache-2.0`, " +
    "`MIT OR Apache-2.0`), full or short git hashes. Pass build-time values with `ARG` (`--build-arg REVISION=...`).",
  example: {
    insecure:
      "FROM alpine:3.20\nLABEL org.opencontainers.image.source=\"github.com/example/app\" \\\n" +
      "      org.opencontainers.image.licenses=\"Apache 2.0\"\n",
    secure:
      "FROM alpine:3.20\nLABEL org.opencontainers.image.source=\"https://github.com/example/app\" \\\n" +
      "      org.opencontainers.image.licenses=\"Apache-2.0\"\n",
  },
  messages: {
    missing: "Required label {{label}} is not set in the final stage ({{stage}})",
    empty: "Required label {{label}} is empty",
    url: "Label {{label}} should be an absolute URL (https://...), not \"{{value}}\"",
    date: "Label {{label}} should be an RFC 3339 date-time such as 2024-05-01T12:00:00Z, not \"{{value}}\"",
    license: "Label {{label}} should be an SPDX licence expression such as Apache-2.0 or MIT OR Apache-2.0, not \"{{value}}\"",
    hash: "Label {{label}} should be a git commit hash, not \"{{value}}\"",
    email: "Label {{label}} holds a malformed e-mail address: \"{{value}}\"",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    for (const ins of stage.instructions) {
      if (ins.keyword !== "LABEL") continue;
      for (const p of ins.properties) {
        const kind = KNOWN_LABELS.get(p.name);
        const value = p.value?.trim();
        if (!kind || value === undefined || value === "" || value.includes("$")) continue;
        if (!isValidLabelValue(kind, value)) {
          ctx.report({ messageId: kind, data: { label: p.name, value: shorten(value) }, path: p.path });
        }
      }
    }
    const required = ctx.params.strings("requiredLabels").filter((l) => l !== "");
    if (!stage.isFinal || required.length === 0) return;
    const labels = new Map<string, KeyValue>();
    for (const s of stageChain(dockerfile, stage)) {
      for (const ins of s.instructions) if (ins.keyword === "LABEL") for (const p of ins.properties) labels.set(p.name, p);
    }
    for (const label of required) {
      const p = labels.get(label);
      if (!p) ctx.report({ messageId: "missing", data: { label, stage: stage.name }, path: stage.from.path });
      else if ((p.value ?? "").trim() === "") ctx.report({ messageId: "empty", data: { label }, path: p.path });
    }
  },
});

function shorten(v: string): string {
  return v.length > 80 ? `${v.slice(0, 77)}...` : v;
}
