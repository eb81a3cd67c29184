import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-wget-and-curl.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "curl only", dockerfile: df("curl -fsSLo /a https://x/a && curl -fsSLo /b https://x/b") },
    { name: "wget only", dockerfile: "FROM alpine:3.20\nRUN wget -q -O /a https://x/a\nRUN wget -q -O /b https://x/b\n" },
    { name: "installing wget is not running it", dockerfile: df("apt-get install -y curl wget && curl -fsSLo /a https://x/a") },
    { name: "looking a tool up is not running it", dockerfile: df("command -v wget || curl -fsSLo /a https://x/a; which wget") },
    { name: "quoted text", dockerfile: df("curl -fsSLo /a https://x/a && echo 'wget https://x/b'") },
    { name: "different stages", dockerfile: "FROM debian:12.5 AS fetch\nRUN curl -fsSLo /a https://x/a\nFROM alpine:3.20\nRUN wget -q -O /b https://x/b\n" },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN curl.exe -o a https://x/a; wget https://x/b -OutFile b\n' },
  ],
  invalid: [
    { name: "both in one RUN", dockerfile: df("curl -fsSLo /a https://x/a && wget -q https://x/b"), errors: [{ messageId: "both", line: 2, column: 35 }] },
    { name: "across RUNs and continuation lines", dockerfile: "FROM debian:12.5\nRUN wget -q https://x/a\nRUN echo start \\\n && sudo curl -fsSLo /b https://x/b\n", errors: [{ messageId: "both", line: 4, column: 10 }] },
    { name: "inside a command substitution", dockerfile: df("V=$(curl -fsSL https://x/v) && wget -q https://x/$V"), errors: [{ messageId: "both", line: 2 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN curl -fsSLo /a https://x/a\nRUN ["wget", "-q", "https://x/b"]\n', errors: [{ messageId: "both", line: 3 }] },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\ncurl -fsSLo /a https://x/a\nwget -q https://x/b\nEOF\n", errors: [{ messageId: "both", line: 4, column: 1 }] },
    {
      name: "only the stage that uses both",
      dockerfile: "FROM debian:12.5 AS a\nRUN curl -fsSLo /a https://x/a\nFROM debian:12.5 AS b\nRUN curl -fsSLo /a https://x/a && wget -q https://x/b\nRUN wget -q https://x/c\n",
      errors: [{ messageId: "both", line: 4, object: "Dockerfile/b" }],
    },
  ],
});
