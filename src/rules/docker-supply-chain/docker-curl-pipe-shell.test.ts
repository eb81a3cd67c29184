import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-curl-pipe-shell.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "quoted text is not a pipe", dockerfile: df("echo 'curl https://x | sh'") },
    { name: "download to a file, verify, run", dockerfile: df("curl -fsSL -o i.sh https://x/i.sh && sha256sum -c sums && sh i.sh") },
    { name: "curl -o file then a pipe of something else", dockerfile: df("curl -o x.tgz https://x/x.tgz | tee log") },
    { name: "wget without -O - writes a file", dockerfile: df("wget https://x/i.sh | sh") },
    { name: "pipe into tar is not a shell", dockerfile: df("curl -fsSL https://x/a.tgz | tar -xz -C /opt") },
    { name: "sh -c with a literal script", dockerfile: df("curl -fsSL https://x/a | sh -c 'cat > /tmp/a'") },
    { name: "sh -c whose script only mentions a pipe in quotes", dockerfile: df("sh -c \"echo 'curl x | sh'\"") },
    { name: "python running a file", dockerfile: df("curl -fsSL https://x | python3 /app/check.py") },
    { name: "exec form without a shell is not parsed", dockerfile: 'FROM debian:12.5\nRUN ["curl", "-o", "x|sh", "https://x"]\n' },
    { name: "PowerShell images are not parsed as POSIX shell", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN iwr https://x/i.ps1 | iex\n' },
  ],
  invalid: [
    { name: "exec form running sh -c (the script is parsed)", dockerfile: 'FROM debian:12.5\nRUN ["sh", "-c", "curl x | sh"]\n', errors: [{ messageId: "pipe", line: 2, column: 28 }] },
    { name: "curl | sh", dockerfile: df("curl -fsSL https://x/install.sh | sh"), errors: [{ messageId: "pipe", line: 2, column: 39 }] },
    { name: "curl | sudo bash -s --", dockerfile: df("curl -sL https://x | sudo -E bash -s -- --yes"), errors: [{ messageId: "pipe", line: 2 }] },
    { name: "wget -qO- | sh", dockerfile: df("wget -qO- https://x/i.sh | sh"), errors: [{ messageId: "pipe", line: 2 }] },
    { name: "wget -O - | bash", dockerfile: df("wget -O - https://x/i.sh | bash"), errors: [{ messageId: "pipe", line: 2 }] },
    { name: "curl | python3 -", dockerfile: df("curl -sSL https://install.python-poetry.org | python3 -"), errors: [{ messageId: "pipe", line: 2 }] },
    { name: "bash <(curl …)", dockerfile: df("bash <(curl -s https://x/i.sh)"), errors: [{ messageId: "substitution", line: 2, column: 10 }] },
    { name: 'sh -c "$(curl …)"', dockerfile: df('sh -c "$(curl -fsSL https://x/i.sh)"'), errors: [{ messageId: "substitution", line: 2 }] },
    {
      name: "inside a continued && chain, with the word's own line",
      dockerfile: "FROM alpine:3.20\nRUN apk add --no-cache curl \\\n  && curl -fsSL https://x/i.sh \\\n     | sh \\\n  && echo done\n",
      errors: [{ messageId: "pipe", line: 4, column: 8 }],
    },
    { name: "in a heredoc script", dockerfile: "FROM alpine:3.20\nRUN <<EOF\nset -e\ncurl -fsSL https://x/i.sh | sh\nEOF\n", errors: [{ messageId: "pipe", line: 4, column: 29 }] },
    {
      name: "two RUN instructions with pipes are judged apart",
      dockerfile: "FROM alpine:3.20\nRUN curl https://x | sh\nRUN wget -qO- https://y | sh\n",
      errors: [{ messageId: "pipe", line: 2 }, { messageId: "pipe", line: 3 }],
    },
    { name: "inside a sh -c script", dockerfile: df("sh -c 'curl -fsSL https://x/i.sh | bash'"), errors: [{ messageId: "pipe", line: 2, column: 40 }] },
    { name: "in an ONBUILD trigger, which runs in every child build", dockerfile: "FROM debian:12.5\nONBUILD RUN curl https://install.example.com/ | sh\n", errors: [{ messageId: "pipe", line: 2 }] },
    { name: "in an earlier build stage", dockerfile: "FROM alpine:3.20 AS build\nRUN curl https://x | sh\nFROM alpine:3.20\nCOPY --from=build /a /a\n", errors: [{ messageId: "pipe", line: 2, object: "Dockerfile/build" }] },
  ],
});
