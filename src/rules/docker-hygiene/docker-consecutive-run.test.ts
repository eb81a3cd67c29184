import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-consecutive-run.js";

ruleTester(rule, {
  valid: [
    { name: "one RUN", dockerfile: "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl\n" },
    { name: "separated by another instruction", dockerfile: "FROM debian:12.5\nRUN make\nCOPY . /app\nRUN make install\n" },
    { name: "separated by ENV", dockerfile: "FROM debian:12.5\nRUN a\nENV X=1\nRUN b\n" },
    { name: "different mounts", dockerfile: "FROM debian:12.5\nRUN --mount=type=cache,target=/root/.cache pip install x\nRUN make\n" },
    { name: "different stages", dockerfile: "FROM debian:12.5 AS a\nRUN make\nFROM debian:12.5\nRUN make\n" },
  ],
  invalid: [
    { name: "two RUNs", dockerfile: "FROM debian:12.5\nRUN apt-get update\nRUN apt-get install -y curl\n", errors: [{ messageId: "consecutive", line: 3, column: 1 }] },
    { name: "comments and blank lines between", dockerfile: "FROM debian:12.5\nRUN a \\\n  && b\n\n# then\nRUN c\nRUN d\n", errors: [{ messageId: "consecutive", line: 6 }] },
    { name: "two groups", dockerfile: "FROM debian:12.5\nRUN a\nRUN b\nWORKDIR /x\nRUN c\nRUN d\n", errors: [{ messageId: "consecutive", line: 3 }, { messageId: "consecutive", line: 6 }] },
    { name: "same mounts merge", dockerfile: "FROM debian:12.5\nRUN --mount=type=ssh git clone a\nRUN --mount=type=ssh git clone b\n", errors: [{ messageId: "consecutive", line: 3 }] },
    { name: "exec form and heredoc count", dockerfile: 'FROM debian:12.5\nRUN ["make"]\nRUN <<EOF\nmake install\nEOF\n', errors: [{ messageId: "consecutive", line: 3 }] },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Install-A\nRUN Install-B\n', errors: [{ messageId: "consecutive", line: 4 }] },
    { name: "build stage", dockerfile: "FROM debian:12.5 AS b\nRUN a\nRUN b\nFROM debian:12.5\n", errors: [{ messageId: "consecutive", line: 3, object: "Dockerfile/b" }] },
  ],
});
