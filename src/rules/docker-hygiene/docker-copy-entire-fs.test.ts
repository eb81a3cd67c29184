import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-copy-entire-fs.js";

const two = (copy: string) => `FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\n${copy}\n`;

ruleTester(rule, {
  valid: [
    { name: "one artefact", dockerfile: two("COPY --from=build /out/app /usr/local/bin/app") },
    { name: "a directory", dockerfile: two("COPY --from=build /out/ /app/") },
    { name: "root of the build context without --from", dockerfile: two("COPY . /app") },
    { name: "root-like name", dockerfile: two("COPY --from=build /.config /root/.config") },
    {
      name: "stage built FROM scratch holds only artefacts",
      dockerfile: "FROM golang:1.22 AS build\nRUN make\nFROM scratch AS out\nCOPY --from=build /out/app /app\nFROM alpine:3.20\nCOPY --from=out / /\n",
    },
    {
      name: "stage built on a scratch stage",
      dockerfile: "FROM scratch AS files\nCOPY a /a\nFROM files AS more\nCOPY b /b\nFROM alpine:3.20\nCOPY --from=more / /\n",
    },
    {
      name: "tonistiigi/xx is made to be copied whole",
      dockerfile: "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.9.0@sha256:c64d AS xx\nFROM golang:1.22 AS build\nCOPY --from=xx / /\n",
    },
    { name: "tonistiigi/xx image reference", dockerfile: "FROM golang:1.22\nCOPY --from=tonistiigi/xx:1.9.0 / /\n" },
    { name: "unknown --from", dockerfile: "ARG SRC\nFROM alpine:3.20\nCOPY --from=$SRC / /\n" },
  ],
  invalid: [
    { name: "/ from a stage", dockerfile: two("COPY --from=build / /"), errors: [{ messageId: "entireFs", line: 4, column: 19 }] },
    { name: "/ to a directory", dockerfile: two("COPY --from=build / /rootfs/"), errors: [{ messageId: "entireFs", line: 4 }] },
    { name: ". is the stage root with --from", dockerfile: two("COPY --from=build . /app"), errors: [{ messageId: "entireFs", line: 4 }] },
    { name: "/* wildcard", dockerfile: two("COPY --from=build /* /"), errors: [{ messageId: "entireFs", line: 4 }] },
    { name: "/. form", dockerfile: two("COPY --from=build --chown=0:0 /. /"), errors: [{ messageId: "entireFs", line: 4 }] },
    { name: "index", dockerfile: two("COPY --from=0 / /"), errors: [{ messageId: "entireFs", line: 4 }] },
    { name: "a whole image", dockerfile: "FROM alpine:3.20\nCOPY --from=debian:12.5 / /\n", errors: [{ messageId: "entireFs", line: 2 }] },
    { name: "JSON form", dockerfile: two('COPY --from=build ["/", "/"]'), errors: [{ messageId: "entireFs", line: 4 }] },
    {
      name: "in an earlier stage",
      dockerfile: "FROM golang:1.22 AS build\nFROM alpine:3.20 AS mid\nCOPY --from=build / /\nFROM alpine:3.20\n",
      errors: [{ messageId: "entireFs", line: 3, object: "Dockerfile/mid" }],
    },
  ],
});
