import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-multiple-cmd.js";

ruleTester(rule, {
  valid: [
    { name: "one CMD", dockerfile: 'FROM alpine:3.20\nCMD ["/app"]\n' },
    { name: "one per stage", dockerfile: 'FROM alpine:3.20 AS test\nCMD ["/test"]\nFROM alpine:3.20\nCMD ["/app"]\n' },
    { name: "a child stage replacing its parent's", dockerfile: 'FROM alpine:3.20 AS a\nCMD ["/a"]\nFROM a\nCMD ["/b"]\n' },
    { name: "ONBUILD CMD is not this stage's", dockerfile: 'FROM alpine:3.20\nCMD ["/a"]\nONBUILD CMD ["/b"]\n' },
    { name: "the word inside a RUN heredoc", dockerfile: 'FROM alpine:3.20\nRUN <<EOT\necho CMD\nEOT\nCMD ["/a"]\n' },
    { name: "CMD and ENTRYPOINT together", dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/a"]\nCMD ["--help"]\n' },
  ],
  invalid: [
    {
      name: "two in one stage",
      dockerfile: 'FROM alpine:3.20\nCMD ["/a"]\nCMD /b --flag\n',
      errors: [{ messageId: "overridden", line: 2, column: 1 }],
    },
    {
      name: "three, lower-case keyword and continuation",
      dockerfile: 'FROM alpine:3.20\ncmd /a\nCMD ["/b", \\\n  "x"]\nCMD ["/c"]\n',
      errors: [{ messageId: "overridden", line: 2 }, { messageId: "overridden", line: 3 }],
    },
    {
      name: "in a build stage only",
      dockerfile: 'FROM alpine:3.20 AS build\nCMD ["/a"]\nCMD ["/b"]\nFROM alpine:3.20\nCMD ["/c"]\n',
      errors: [{ messageId: "overridden", line: 2, object: "Dockerfile/build" }],
    },
    {
      name: "Windows image",
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Write-Host a\nCMD ["powershell", "b"]\n',
      errors: [{ messageId: "overridden", line: 3 }],
    },
  ],
});
