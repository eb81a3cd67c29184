import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-env-self-reference.js";

const df = (body: string) => `FROM debian:12.5\n${body}\n`;

ruleTester(rule, {
  valid: [
    { name: "separate instructions", dockerfile: df("ENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin") },
    { name: "extending its own variable", dockerfile: df("ENV PATH=/opt/bin:$PATH LANG=C.UTF-8") },
    { name: "legacy form with a space", dockerfile: df("ENV PATH /x:$PATH") },
    { name: "legacy form value mentioning =", dockerfile: df("ENV OPTS -Da=1 -Db=$OPTS") },
    { name: "refers to a later pair (old value is the natural reading)", dockerfile: df("ENV B=$A A=1") },
    { name: "escaped dollar", dockerfile: df("ENV A=1 B=\\$A") },
    { name: "single-quoted", dockerfile: df("ENV A=1 B='$A'") },
    { name: "different variable with a common prefix", dockerfile: df("ENV A=1 B=$AB ${A_B}") },
    { name: "refers to an earlier instruction", dockerfile: df("ENV A=1\nENV B=2 C=$A") },
    { name: "quoted value with spaces", dockerfile: df('ENV A="x y" B="$C z"') },
  ],
  invalid: [
    { name: "plain reference", dockerfile: df("ENV APP_HOME=/app APP_BIN=$APP_HOME/bin"), errors: [{ messageId: "sameEnv", line: 2, column: 19 }] },
    { name: "braced reference with default", dockerfile: df("ENV A=1 B=${A:-2}"), errors: [{ messageId: "sameEnv", line: 2 }] },
    { name: "inside double quotes", dockerfile: df('ENV V=3.12 P="/opt/python$V/bin:$PATH"'), errors: [{ messageId: "sameEnv", line: 2 }] },
    {
      name: "continuation lines",
      dockerfile: df("ENV JAVA_HOME=/opt/java \\\n    PATH=$JAVA_HOME/bin:$PATH \\\n    X=1"),
      errors: [{ messageId: "sameEnv", line: 3, column: 5 }],
    },
    { name: "two offending pairs", dockerfile: df("ENV A=1 B=$A C=${B}"), errors: [{ messageId: "sameEnv", line: 2 }, { messageId: "sameEnv", line: 2 }] },
    { name: "redefined in the same instruction", dockerfile: df("ENV A=1 A=$A:2"), errors: [{ messageId: "sameEnv", line: 2 }] },
    {
      name: "in an earlier stage",
      dockerfile: "FROM debian:12.5 AS build\nENV GOPATH=/go GOBIN=$GOPATH/bin\nFROM debian:12.5\n",
      errors: [{ messageId: "sameEnv", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
