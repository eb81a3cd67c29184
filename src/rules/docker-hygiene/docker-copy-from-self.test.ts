import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-copy-from-self.js";

ruleTester(rule, {
  valid: [
    { name: "from an earlier stage", dockerfile: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n" },
    { name: "from an earlier stage by index", dockerfile: "FROM golang:1.22\nRUN make\nFROM alpine:3.20\nCOPY --from=0 /out/app /app\n" },
    { name: "from an image", dockerfile: "FROM alpine:3.20 AS app\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n" },
    { name: "no --from", dockerfile: "FROM alpine:3.20 AS app\nCOPY app /app\n" },
    { name: "unnamed stage and --from of another index", dockerfile: "FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /a /a\n" },
  ],
  invalid: [
    {
      name: "own alias",
      dockerfile: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nCOPY --from=build /out/app /usr/local/bin/app\n",
      errors: [{ messageId: "self", line: 3, column: 6, object: "Dockerfile/build" }],
    },
    {
      name: "own alias in another case",
      dockerfile: "FROM golang:1.22 AS Build\nFROM alpine:3.20 AS final\nCOPY --from=FINAL /a /b\n",
      errors: [{ messageId: "self", line: 3, object: "Dockerfile/final" }],
    },
    {
      name: "own index",
      dockerfile: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=1 /a /b\n",
      errors: [{ messageId: "self", line: 3, object: "Dockerfile/1" }],
    },
    {
      name: "flag after another flag",
      dockerfile: "FROM alpine:3.20 AS app\nCOPY --chown=1000:1000 --from=app /a /b\n",
      errors: [{ messageId: "self", line: 2, column: 24 }],
    },
    {
      name: "via a global ARG",
      dockerfile: "ARG SRC=app\nFROM alpine:3.20 AS app\nCOPY --from=${SRC} /a /b\n",
      errors: [{ messageId: "self", line: 3 }],
    },
  ],
});
