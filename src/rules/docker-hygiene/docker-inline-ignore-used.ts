import { defineRule } from "../../engine/rule-types.js";
import type { Dockerfile, Instruction } from "../../model/dockerfile.js";

// File level. Every comment that suppresses findings of a linter or scanner: `# hadolint ignore=DL3008` (also
// `hadolint global ignore=`), `# checkov:skip=CKV_DOCKER_2`, `# trivy:ignore:AVD-DS-0002`, `# kics-scan ignore…`,
// `# shipshape ignore=…` / `ignore-file=…`. Comments at the very top of the file are parsed as parser directives
// (`dockerfile.directives`), so those are read there too. The model gives comments a line but no path: a finding is
// placed on the instruction the comment applies to (the next one; the previous one for a comment after the last
// instruction), and the message names the comment's line. Each finding comes from the stage that holds that
// instruction (the first stage for instructions before FROM), so it is reported once.
export default defineRule({
  id: "docker-inline-ignore-used",
  title: "Inline suppression comment in the Dockerfile",
  rationale:
    "Comments such as `# hadolint ignore=DL3008` or `# checkov:skip=CKV_DOCKER_2` switch a check off for part of the " +
    "file. They are sometimes right, but they are easy to add and never expire, so they can hide a real problem " +
    "from every later review; listing them lets someone check each one still has a reason.",
  attack:
    "A change that weakens the image (running as root, an unpinned download) can be slipped past automated review " +
    "by adding a suppression comment next to it.",
  remediation:
    "Fix the finding instead, or record the exception where it is reviewed: a `# shipshape ignore=<rule> <reason>` " +
    "with a real reason, or an exemption in `.shipshape.yaml`. Remove suppressions that no longer apply.",
  example: {
    insecure: "FROM debian:12.5\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
  },
  messages: {
    ignore: "line {{line}}: {{tool}} suppression of {{rules}}",
    noReason: "line {{line}}: shipshape ignore of {{rules}} gives no reason, so it suppresses nothing",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    for (const p of pragmas(dockerfile)) {
      const anchor = anchorOf(dockerfile, p.line);
      if (!anchor || (anchor.stage ?? 0) !== stage.index) continue;
      const data = { line: p.line, tool: p.tool, rules: p.rules };
      ctx.report({ messageId: p.noReason ? "noReason" : "ignore", data, path: anchor.path });
    }
  },
});

interface Pragma {
  line: number;
  tool: string;
  rules: string;
  noReason: boolean;
}

const COMMENT_PATTERNS: { tool: string; re: RegExp }[] = [
  { tool: "hadolint", re: /^hadolint\s+(?:global\s+)?ignore\s*=\s*(\S+)/i },
  { tool: "checkov", re: /^checkov:skip\s*=\s*([^\s:]+)/i },
  { tool: "trivy", re: /^trivy:ignore:(\S+)/i },
  { tool: "kics", re: /^kics-scan\s+(ignore(?:-line|-block)?|disable\s*=\s*\S+)/i },
];

function pragmas(dockerfile: Dockerfile): Pragma[] {
  const out: Pragma[] = [];
  const seen = new Set<number>();
  for (const ig of dockerfile.ignores) {
    seen.add(ig.line);
    out.push({ line: ig.line, tool: "shipshape", rules: ig.rules.join(","), noReason: ig.reason === "" });
  }
  for (const c of dockerfile.comments) {
    if (seen.has(c.line)) continue;
    const text = c.text.trim();
    for (const { tool, re } of COMMENT_PATTERNS) {
      const m = re.exec(text);
      if (m) {
        seen.add(c.line);
        out.push({ line: c.line, tool, rules: m[1]!, noReason: false });
        break;
      }
    }
  }
  // `# name=value` lines at the top of the file are parser directives to the Dockerfile parser.
  for (const d of dockerfile.directives) {
    if (seen.has(d.line)) continue;
    const name = d.name.toLowerCase();
    if (name === "hadolint" && /^(DL|SC)\d+/i.test(d.value)) out.push({ line: d.line, tool: "hadolint", rules: d.value, noReason: false });
    else if (name === "checkov:skip") out.push({ line: d.line, tool: "checkov", rules: d.value.split(":")[0]!, noReason: false });
    else if (name === "shipshape") out.push({ line: d.line, tool: "shipshape", rules: d.value, noReason: false });
    else if (name.startsWith("trivy:ignore:")) out.push({ line: d.line, tool: "trivy", rules: name.slice("trivy:ignore:".length), noReason: false });
    else continue;
    seen.add(d.line);
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The instruction a comment on `line` applies to: the next one, else the last one before it. */
function anchorOf(dockerfile: Dockerfile, line: number): Instruction | undefined {
  let before: Instruction | undefined;
  for (const ins of dockerfile.instructions) {
    if (ins.line > line) return ins;
    before = ins;
  }
  return before;
}
