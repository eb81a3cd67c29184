import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Instruction } from "../../model/dockerfile.js";
import type { Fix } from "../../model/finding.js";
import { copyOperands, stageInstructions } from "../../model/dockerfile-queries.js";
import { baseName } from "./_trust-settings.js";

// Runs on every stage (ONBUILD ADD included); one finding per ADD instruction:
// - a remote source (http(s)://, ftp://, a git URL) without --checksum: the download is not verified (a git source
//   pinned to a full commit id, `#<40 hex>`, counts as verified);
// - otherwise a local file, folder or heredoc that is not a tar archive: COPY does the same without ADD's extra
//   behaviour. Local tar archives (.tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .tar.zst, ...) are ADD's documented use
//   (it unpacks them) and are not reported; a source whose name is only known at build time (`$FILE`) is reported
//   as local unless it ends in an archive extension.
// URLs are printed without user info, so credentials in a URL never reach a message.
const ARCHIVE = /\.(tar|tgz|taz|tbz2?|txz|tzst|tar\.(gz|z|bz2|xz|zst|lz4?|lzma))$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

export default defineRule({
  id: "docker-add-instead-of-copy",
  title: "ADD used where COPY would do",
  rationale:
    "ADD does more than copy: it downloads URLs and unpacks local archives. Used for ordinary files it makes the " +
    "Dockerfile harder to review, since a reader must check each source to know what happens; used for URLs it " +
    "pulls content into the image without any check unless `--checksum` is given.",
  attack:
    "If the server behind an ADD URL is compromised, or the file there is replaced, the next build silently ships " +
    "the attacker's file. A local source that is unexpectedly an archive is extracted, which can place files " +
    "anywhere under the destination.",
  remediation:
    "Use COPY for local files and folders. For remote files, pin them with `ADD --checksum=sha256:<digest> <url> " +
    "<dest>` or download with curl/wget and verify the checksum in the same RUN. Keep ADD for unpacking a local tar " +
    "archive on purpose.",
  example: {
    insecure: "FROM alpine:3.20\nADD app.py /srv/app.py\n",
    secure: "FROM alpine:3.20\nCOPY app.py /srv/app.py\n",
  },
  messages: {
    useCopy: "ADD copies {{source}}, which is not a tar archive to unpack; use COPY",
    remote: "ADD downloads {{source}} without --checksum, so its content is not verified",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { stage } = view;
    for (const ins of stageInstructions(stage)) {
      if (ins.keyword !== "ADD") continue;
      const { sources } = copyOperands(ins);
      if (sources.length === 0) continue;
      const checksum = ins.flags.some((f) => f.name === "checksum" && (f.value ?? "") !== "");
      const remote = sources.find((s) => !s.heredoc && REMOTE.test(s.value) && !checksum && !pinnedGit(s.value));
      if (remote) {
        ctx.report({ messageId: "remote", data: { source: withoutUserInfo(remote.value) }, path: remote.path });
        continue;
      }
      const local = sources.find((s) => s.heredoc || (!REMOTE.test(s.value) && !ARCHIVE.test(baseName(s.value))));
      if (local) ctx.report({ messageId: "useCopy", data: { source: local.heredoc ? "a heredoc" : local.value }, path: local.path, fix: copyFix(ins, sources, view.dockerfile.escape) });
    }
  },
});

/** Flags COPY takes as ADD does; ADD's own (--checksum, --keep-git-dir, --unpack) leave the instruction alone. */
const COPY_FLAGS = new Set(["chown", "chmod", "link", "exclude"]);

/**
 * ADD → COPY when it is the same: every source a heredoc or a local path whose name is written out (no variable,
 * no wildcard that could match an archive), not a URL or an archive by name, and only flags COPY also takes. The
 * instruction is rewritten from its arguments (continuation lines joined).
 */
function copyFix(ins: Instruction, sources: readonly { value: string; heredoc: boolean }[], escape: string): Fix | undefined {
  if (!ins.flags.every((f) => COPY_FLAGS.has(f.name))) return undefined;
  const plain = sources.every((s) => s.heredoc || (!REMOTE.test(s.value) && !ARCHIVE.test(baseName(s.value)) && !/[$*?[\]]/.test(s.value)));
  if (!plain || ins.args.trim() === "") return undefined;
  let args: string;
  if (ins.heredocs.length > 0) {
    // the model joins continuation lines in heredoc bodies too: rebuild the instruction from the raw bodies. Left
    // alone: an empty body (ambiguous), a body line ending with the escape character (the parser reads past the
    // terminator then). Terminators are written without the indentation `<<-` allows.
    if (ins.heredocs.some((h) => h.content === "" || h.content.split("\n").some((l) => l.trim() === h.name || l.trimEnd().endsWith(escape)))) return undefined;
    args = `${(ins.args.split("\n")[0] ?? "").trim()}${ins.heredocs.map((h) => `\n${h.content}\n${h.name}`).join("")}`;
  } else {
    // continuation lines joined leave runs of blanks; without quotes they only separate words
    args = /["'`]/.test(ins.args) ? ins.args.trim() : ins.args.trim().replace(/\s+/g, " ");
  }
  return fixes.ops([{ op: "replaceText", path: ins.path, text: `COPY ${args}` }], {
    description: "Replace ADD with COPY",
    safety: "safe",
    note:
      "COPY copies the same files; unlike ADD it never unpacks a tar archive. The sources are not archives by name: " +
      "check none is a tar archive under another name (ADD looks at the content). An ADD written over several lines " +
      "becomes one line, without the comment lines inside it.",
  });
}

/** A git source pinned to a full commit id: `https://host/repo.git#<40 hex>` or `git@host:repo#<40 hex>`. */
function pinnedGit(url: string): boolean {
  return /#[0-9a-f]{40}([0-9a-f]{24})?(:[^#]*)?$/i.test(url);
}

function withoutUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1");
}
