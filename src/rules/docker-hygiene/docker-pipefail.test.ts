import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-pipefail.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "grep into a checksum check", dockerfile: df('grep " node.tar.xz$" SHASUMS256.txt | sha256sum -c -') },
    { name: "no pipe", dockerfile: df("curl -fsSLo /a.tgz https://x/a.tgz && tar -xzf /a.tgz") },
    { name: "|| is not a pipe", dockerfile: df("test -f /a || exit 1") },
    { name: "quoted pipe", dockerfile: df("echo 'curl x | tar -x'") },
    { name: "set -o pipefail earlier in the RUN", dockerfile: df("set -o pipefail && curl -fsSL https://x/a.tgz | tar -xz") },
    { name: "set -euxo pipefail", dockerfile: df("set -euxo pipefail; curl -fsSL https://x/a.tgz | tar -xz") },
    { name: "SHELL with -o pipefail", dockerfile: 'FROM debian:12.5\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/a.tgz | tar -xz\n' },
    { name: "SHELL with -eo pipefail (ash)", dockerfile: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x/a.tgz | tar -xz\n' },
    { name: "SHELL inherited from the base stage", dockerfile: 'FROM debian:12.5 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://x | tar -xz\n' },
    { name: "echo into a checksum check", dockerfile: df('echo "abc123  /a.tgz" | sha256sum -c -') },
    { name: "heredoc with set -o pipefail", dockerfile: "FROM debian:12.5\nRUN <<EOF\nset -eo pipefail\ncurl -fsSL https://x | tar -xz\nEOF\n" },
    { name: "exec form without a shell is not run by one", dockerfile: 'FROM debian:12.5\nRUN ["tar", "-x", "-f", "a|b.tar"]\n' },
    { name: "PowerShell pipes are not shell pipes", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Remove-Item\n' },
  ],
  invalid: [
    { name: "exec form running sh -c with a pipe (the script is parsed)", dockerfile: 'FROM debian:12.5\nRUN ["sh", "-c", "curl x | tar -x"]\n', errors: [{ messageId: "pipe", line: 2, column: 19 }] },
    { name: "curl | tar under /bin/sh", dockerfile: df("curl -fsSL https://x/a.tgz | tar -xz"), errors: [{ messageId: "pipe", line: 2, column: 5 }] },
    { name: "pipe in a continued && chain", dockerfile: "FROM debian:12.5\nRUN apt-get update \\\n && wget -qO- https://x/key \\\n    | gpg --dearmor -o /k.gpg\n", errors: [{ messageId: "pipe", line: 3, column: 5 }] },
    { name: "set -o pipefail after the pipe", dockerfile: df("curl -fsSL https://x | tar -xz && set -o pipefail"), errors: [{ messageId: "pipe", line: 2 }] },
    { name: "set -e is not pipefail", dockerfile: df("set -e; curl -fsSL https://x | tar -xz"), errors: [{ messageId: "pipe", line: 2, column: 13 }] },
    { name: "pipe in a command substitution", dockerfile: df('V="$(curl -fsSL https://x/v | jq -r .tag)" && echo $V'), errors: [{ messageId: "pipe", line: 2 }] },
    { name: "SHELL bash without pipefail", dockerfile: 'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]\nRUN curl -fsSL https://x | bash -s -- --x\n', errors: [{ messageId: "pipe", line: 3 }] },
    { name: "pipefail SHELL set only after the RUN", dockerfile: 'FROM debian:12.5\nRUN curl -fsSL https://x | tar -xz\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://y | tar -xz\n', errors: [{ messageId: "pipe", line: 2 }] },
    { name: "one finding per RUN", dockerfile: df("curl -fsSL https://x | tar -xz && curl -fsSL https://y | tar -xz"), errors: [{ messageId: "pipe", line: 2 }] },
    { name: "heredoc script", dockerfile: "FROM debian:12.5\nRUN <<EOF\nset -e\ncurl -fsSL https://x | tar -xz\nEOF\n", errors: [{ messageId: "pipe", line: 4, column: 1 }] },
    { name: "build stage", dockerfile: "FROM alpine:3.20 AS dl\nRUN wget -qO- https://x | tar -xz\nFROM scratch\nCOPY --from=dl /a /a\n", errors: [{ messageId: "pipe", line: 2, object: "Dockerfile/dl" }] },
  ],
});
