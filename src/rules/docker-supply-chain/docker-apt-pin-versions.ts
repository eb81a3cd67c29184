import { defineRule } from "../../engine/rule-types.js";
import type { ShellWord } from "../../model/dockerfile.js";
import { listWords, packageCommands } from "./_packages.js";

// Runs on every stage. An apt-get/apt/aptitude install names a package without `=version` (`curl`, `curl/bookworm`:
// a release is not a version). Not judged: package files and paths (`./x.deb`, `/tmp/x.deb`), and words only known at
// build time (`$PACKAGES`, `$(cat list)`) unless they visibly pin (`curl=${CURL_VERSION}`). One finding per command,
// at its first unpinned package.
export default defineRule({
  id: "docker-apt-pin-versions",
  title: "apt packages installed without a version",
  rationale:
    "`apt-get install curl` installs whatever version the mirror serves on the day of the build. Two builds of the " +
    "same Dockerfile can then contain different software, a rebuild can silently pull in a regression or a freshly " +
    "published malicious update, and nobody can say afterwards exactly what went into an image.",
  attack:
    "An attacker who gets a tampered package into a mirror or third-party repository you install from has it picked " +
    "up by the next build automatically, because nothing in the Dockerfile ties the build to the version you reviewed.",
  remediation:
    "Pin each package to a version with `name=version` (`curl=7.88.1-10+deb12u5`; `apt-cache policy curl` shows the " +
    "candidates) and update the pins deliberately, for example with a dependency bot. Pin the base image by digest as " +
    "well so the pins keep matching its release.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
  },
  messages: {
    unpinned: "{{manager}} {{subcommand}} does not pin the version of {{packages}}; use name=version",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const { pkg } of packageCommands(stage)) {
      if (pkg.family !== "apt" || pkg.action !== "install") continue;
      if (pkg.subcommand === "build-dep" || pkg.subcommand === "satisfy") continue; // source packages / dependency strings
      const unpinned = pkg.packages.filter(isUnpinned);
      if (unpinned.length === 0) continue;
      ctx.report({
        messageId: "unpinned",
        data: { manager: pkg.manager, subcommand: pkg.subcommand ?? "install", packages: listWords(unpinned) },
        path: unpinned[0]!.path,
      });
    }
  },
});

function isUnpinned(word: ShellWord): boolean {
  const t = word.text;
  if (t.includes("=")) return false; // name=version, name=1.2.*, name=${VERSION}
  if (word.value === undefined) return false; // only known at build time
  if (t.startsWith(".") || t.startsWith("/") || t.endsWith(".deb") || t.includes("://")) return false; // a file
  return true;
}

