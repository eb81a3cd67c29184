import { defineRule } from "../../engine/rule-types.js";
import type { Instruction } from "../../model/dockerfile.js";

// Runs on every stage: reports each run of two or more RUN instructions with nothing between them but comments and
// blank lines, once per run, at its second RUN. RUNs with different flags (--mount, --network, --security) cannot be
// merged without changing what they do, so a change of flags starts a new run.
export default defineRule({
  id: "docker-consecutive-run",
  title: "Consecutive RUN instructions",
  rationale:
    "Every RUN creates a layer. Files deleted in a later RUN still ship in the earlier layer, so splitting " +
    "install and clean-up into separate RUNs keeps caches, temporary files and sometimes secrets in the image. " +
    "Consecutive RUNs can usually be merged with `&&`, giving fewer and smaller layers.",
  attack:
    "Anything a RUN writes stays retrievable from its layer (`docker save`, registry blob pulls) even when a later " +
    "RUN removes it: a credential or private key written and removed in separate RUNs is still in the image.",
  remediation:
    "Merge the RUN instructions into one, joining the commands with `&&` and line continuations (or use a heredoc " +
    "`RUN <<EOF`); keep separate RUNs only where layer caching across them is worth it.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n",
    secure: "FROM debian:12.5\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl\n",
  },
  messages: {
    consecutive: "{{count}} consecutive RUN instructions (from line {{first}}) could be merged into one",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    let group: Instruction[] = [];
    const flush = (): void => {
      if (group.length >= 2) ctx.report({ messageId: "consecutive", data: { count: group.length, first: group[0]!.line }, path: group[1]!.path });
      group = [];
    };
    for (const ins of stage.instructions) {
      if (ins.keyword !== "RUN") {
        flush();
        continue;
      }
      if (group.length > 0 && flagKey(group[0]!) !== flagKey(ins)) flush();
      group.push(ins);
    }
    flush();
  },
});

function flagKey(ins: Instruction): string {
  return ins.flags.map((f) => `${f.name}=${f.value ?? ""}`).sort().join(" ");
}
