import { describe, expect, it } from "vitest";
import { loadDockerfileText } from "../../loaders/dockerfile.js";
import { loadShellParser } from "../../loaders/shell.js";
import { DockerfileResource } from "../../model/dockerfile.js";
import { packageCommands } from "./_packages.js";

const shell = await loadShellParser();

/** manager, action, subcommand and package operands of each package command of `RUN <run>`. */
function parse(run: string): string[] {
  const loaded = loadDockerfileText(`FROM x\nRUN ${run}\n`, "Dockerfile", shell);
  const stage = (loaded.resources[0] as DockerfileResource).stage;
  return [...packageCommands(stage)].map(({ pkg }) => `${pkg.manager} ${pkg.action} ${pkg.subcommand ?? "-"} [${pkg.packages.map((p) => p.text).join(" ")}]`);
}

describe("packageCommand", () => {
  it.each([
    ["apt-get -o Dpkg::Options::=--force-confold -y install --no-install-recommends curl git", ["apt-get install install [curl git]"]],
    ["DEBIAN_FRONTEND=noninteractive sudo -E apt update", ["apt update update []"]],
    ["apk --update add --virtual .deps gcc musl-dev", ["apk install add [gcc musl-dev]"]],
    ["apk upgrade -a", ["apk dist-upgrade upgrade []"]],
    ["yum -y --enablerepo epel install jq", ["yum install install [jq]"]],
    ["dnf module install -y nodejs:20", ["dnf install module install [nodejs:20]"]],
    ["dnf5 makecache", ["dnf update makecache []"]],
    ["zypper --non-interactive --gpg-auto-import-keys ref", ["zypper update ref []"]],
    ["zypper -n in -t pattern devel_basis", ["zypper install in [devel_basis]"]],
    ["pacman -Syu --noconfirm", ["pacman upgrade -Syu []"]],
    ["pacman -Sy", ["pacman update -Sy []"]],
    ["pacman -S --noconfirm git", ["pacman install -S [git]"]],
    ["python3.11 -m pip install -U -r req.txt flask", ["pip install install [flask]"]],
    ["pip3 --no-cache-dir install --index-url https://x/simple requests", ["pip install install [requests]"]],
    ["python3 -m venv /v && python setup.py install", []],
    ["uv pip install --system flask", ["pip install install [flask]"]],
    ["npm --prefix /app install --omit dev", ["npm install install []"]],
    ["yarn global add serve", ["yarn install add [serve]"]],
    ["yarn", ["yarn install - []"]],
    ["gem install mysql2 -v 0.5 -- --with-mysql-dir=/usr", ["gem install install [mysql2]"]],
    ["go install -ldflags '-s -w' ./cmd/app", ["go install install [./cmd/app]"]],
    ["cargo install --locked ripgrep", ["cargo install install [ripgrep]"]],
    ["echo apt-get install x | tee y", []],
    ["xargs -n1 apt-get install -y < pkgs", ["apt-get install install []"]],
  ])("%s", (run, expected) => {
    expect(parse(run)).toEqual(expected);
  });
});
