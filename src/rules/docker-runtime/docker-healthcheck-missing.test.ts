import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-healthcheck-missing.js";

ruleTester(rule, {
  valid: [
    { name: "shell-form HEALTHCHECK", dockerfile: "FROM base\nUSER me\nHEALTHCHECK CMD curl --fail http://localhost:3000 || exit 1\n" },
    { name: "exec-form HEALTHCHECK with options", dockerfile: 'FROM base\nHEALTHCHECK --interval=30s --timeout=3s CMD ["/app/health"]\n' },
    { name: "inherited from the stage the final stage builds on", dockerfile: "FROM base AS app\nHEALTHCHECK CMD /health\nFROM app\nUSER me\n" },
    { name: "inherited through two stages", dockerfile: "FROM base AS a\nHEALTHCHECK CMD /health\nFROM a AS b\nRUN true\nFROM b\n" },
    { name: "NONE replaced later in the stage", dockerfile: "FROM base\nHEALTHCHECK NONE\nHEALTHCHECK CMD /health\n" },
    { name: "a NONE in the parent overridden by the final stage", dockerfile: "FROM base AS a\nHEALTHCHECK NONE\nFROM a\nHEALTHCHECK CMD /health\n" },
    { name: "Windows image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nHEALTHCHECK CMD powershell -command try { exit 0 } catch { exit 1 }\n' },
  ],
  invalid: [
    { name: "no HEALTHCHECK", dockerfile: 'FROM base\n\nLABEL foo="bar baz"\nUSER  me\n', errors: [{ messageId: "missing", line: 1, object: "Dockerfile/0" }] },
    {
      name: "HEALTHCHECK only in an unrelated build stage",
      dockerfile: "FROM golang:1.22 AS build\nHEALTHCHECK CMD /health\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n",
      errors: [{ messageId: "missing", line: 3, object: "Dockerfile/1" }],
    },
    { name: "HEALTHCHECK NONE", dockerfile: "FROM base\nHEALTHCHECK NONE\n", errors: [{ messageId: "disabled", line: 2 }] },
    { name: "NONE last in the stage", dockerfile: "FROM base\nHEALTHCHECK CMD /health\nhealthcheck none\n", errors: [{ messageId: "disabled", line: 3 }] },
    { name: "final NONE overrides the parent's check", dockerfile: "FROM base AS a\nHEALTHCHECK CMD /health\nFROM a\nHEALTHCHECK NONE\n", errors: [{ messageId: "disabled", line: 4 }] },
    { name: "ONBUILD HEALTHCHECK does not count", dockerfile: "FROM base\nONBUILD HEALTHCHECK CMD /health\n", errors: [{ messageId: "missing", line: 1 }] },
  ],
});
