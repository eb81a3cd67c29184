import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-copy-from-undefined.js";

ruleTester(rule, {
  valid: [
    { name: "defined alias", dockerfile: "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n" },
    { name: "alias in another case", dockerfile: "FROM golang:1.22 AS Builder\nFROM alpine:3.20\nCOPY --from=builder /a /a\n" },
    { name: "stage index", dockerfile: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /a\n" },
    { name: "image with a tag", dockerfile: "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n" },
    { name: "image with a registry path", dockerfile: "FROM alpine:3.20\nCOPY --from=gcr.io/distroless/base /etc/passwd /etc/passwd\n" },
    { name: "image with a digest", dockerfile: "FROM alpine:3.20\nCOPY --from=busybox@sha256:0123456789abcdef /bin/busybox /bin/\n" },
    { name: "variable without a default", dockerfile: "ARG SRC\nFROM alpine:3.20\nCOPY --from=$SRC /a /a\n" },
    { name: "global ARG naming a stage", dockerfile: "ARG SRC=build\nFROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=${SRC} /a /a\n" },
    { name: "global ARG naming an image", dockerfile: "ARG IMG=docker.io/library/nginx:1.27\nFROM alpine:3.20\nCOPY --from=${IMG} /a /a\n" },
    { name: "stage defined later (BuildKit resolves it)", dockerfile: "FROM alpine:3.20\nCOPY --from=assets /a /a\nFROM scratch AS assets\n" },
    { name: "own stage is another rule's finding", dockerfile: "FROM alpine:3.20 AS app\nCOPY --from=app /a /a\n" },
    { name: "no --from", dockerfile: "FROM alpine:3.20\nCOPY a /a\n" },
  ],
  invalid: [
    {
      name: "typo in the alias",
      dockerfile: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=builder /out/app /app\n",
      errors: [{ messageId: "undefinedStage", line: 4, column: 6, object: "Dockerfile/1" }],
    },
    { name: "bare image name without tag", dockerfile: "FROM alpine:3.20\nCOPY --from=nginx /etc/nginx /etc/nginx\n", errors: [{ messageId: "undefinedStage", line: 2 }] },
    { name: "index out of range", dockerfile: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=2 /a /a\n", errors: [{ messageId: "noSuchIndex", line: 3 }] },
    {
      name: "global ARG default naming no stage",
      dockerfile: "ARG SRC=buidl\nFROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=$SRC /a /a\n",
      errors: [{ messageId: "undefinedStage", line: 4 }],
    },
    {
      name: "several, in order",
      dockerfile: "FROM alpine:3.20 AS one\nCOPY --from=two /a /a\nFROM alpine:3.20\nCOPY --from=three /b /b\n",
      errors: [{ messageId: "undefinedStage", line: 2, object: "Dockerfile/one" }, { messageId: "undefinedStage", line: 4, object: "Dockerfile/1" }],
    },
  ],
});
