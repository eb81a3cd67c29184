import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-multiple-entrypoint.js";

ruleTester(rule, {
  valid: [
    { name: "one ENTRYPOINT", dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\n' },
    { name: "one per stage", dockerfile: 'FROM alpine:3.20 AS test\nENTRYPOINT ["/test"]\nFROM alpine:3.20\nENTRYPOINT ["/app"]\n' },
    { name: "a child stage replacing its parent's", dockerfile: 'FROM alpine:3.20 AS a\nENTRYPOINT ["/a"]\nFROM a\nENTRYPOINT ["/b"]\n' },
    { name: "ONBUILD ENTRYPOINT is not this stage's", dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/a"]\nONBUILD ENTRYPOINT ["/b"]\n' },
    { name: "the word inside a RUN heredoc", dockerfile: 'FROM alpine:3.20\nRUN <<EOT\necho ENTRYPOINT\nEOT\nENTRYPOINT ["/a"]\n' },
    { name: "CMD and ENTRYPOINT together", dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/a"]\nCMD ["--help"]\n' },
  ],
  invalid: [
    {
      name: "two in one stage",
      dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/a"]\nENTRYPOINT /b --flag\n',
      errors: [{ messageId: "overridden", line: 2, column: 1 }],
    },
    {
      name: "three, lower-case keyword and continuation",
      dockerfile: 'FROM alpine:3.20\nentrypoint /a\nENTRYPOINT ["/b", \\\n  "x"]\nENTRYPOINT ["/c"]\n',
      errors: [{ messageId: "overridden", line: 2 }, { messageId: "overridden", line: 3 }],
    },
    {
      name: "in a build stage only",
      dockerfile: 'FROM alpine:3.20 AS build\nENTRYPOINT ["/a"]\nENTRYPOINT ["/b"]\nFROM alpine:3.20\nENTRYPOINT ["/c"]\n',
      errors: [{ messageId: "overridden", line: 2, object: "Dockerfile/build" }],
    },
    {
      name: "Windows image",
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nENTRYPOINT Write-Host a\nENTRYPOINT ["powershell", "b"]\n',
      errors: [{ messageId: "overridden", line: 3 }],
    },
  ],
});
