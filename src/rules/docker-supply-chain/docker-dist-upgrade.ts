import { defineRule } from "../../engine/rule-types.js";
import { effectiveCommand } from "../../model/dockerfile.js";
import { packageCommand, runAndExecCommands } from "./_packages.js";

// Runs on every stage. Reported: apt-get/apt/aptitude dist-upgrade or full-upgrade, zypper dist-upgrade (dup),
// dnf/yum distro-sync and dnf system-upgrade, apk upgrade --available, and do-release-upgrade. A plain upgrade
// (apt-get upgrade, dnf upgrade, apk upgrade) only takes the fixes of the release the base image is on and is not
// reported; neither is pacman -Syu, which is the only upgrade Arch Linux supports.
export default defineRule({
  id: "docker-dist-upgrade",
  title: "Distribution upgrade during the build",
  rationale:
    "`apt-get dist-upgrade`, `zypper dup` and `dnf distro-sync` may install, remove and replace packages to follow " +
    "changed dependencies, and can move the image to different major versions than the base image was tested with. " +
    "What ends up in the image then depends on the day of the build rather than on the Dockerfile.",
  attack:
    "This is mainly a reliability and review problem: an unreviewed set of packages and versions lands in every " +
    "rebuild, which hides what the image really contains from scanners and reviewers and can silently bring in " +
    "changed defaults or newly vulnerable components.",
  remediation:
    "Rebuild on a newer, pinned base image to get a newer release, and install or upgrade only the packages you need " +
    "(`apt-get install -y --only-upgrade openssl`, or a plain `apt-get upgrade` when you want the release's fixes).",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n",
  },
  messages: {
    distUpgrade: "'{{command}}' upgrades the whole distribution during the build",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const { command } of runAndExecCommands(stage)) {
      const pkg = packageCommand(command);
      if (pkg?.action === "dist-upgrade") {
        ctx.report({
          messageId: "distUpgrade",
          data: { command: `${pkg.word.text} ${pkg.subcommand ?? ""}`.trim() },
          path: (pkg.subcommandWord ?? pkg.word).path,
        });
        continue;
      }
      const e = effectiveCommand(command);
      if (e.program === "do-release-upgrade" && e.word) {
        ctx.report({ messageId: "distUpgrade", data: { command: "do-release-upgrade" }, path: e.word.path });
      }
    }
  },
});
