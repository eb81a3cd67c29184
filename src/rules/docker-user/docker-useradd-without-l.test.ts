import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-useradd-without-l.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "useradd alone", dockerfile: df("useradd app") },
    { name: "short UID", dockerfile: df("useradd -u 12345 app") },
    { name: "UID 99999 is the limit", dockerfile: df("useradd -u 99999 app") },
    { name: "long UID with -l", dockerfile: df("useradd -l -u 123456 app") },
    { name: "long UID with --no-log-init", dockerfile: df("useradd --no-log-init --uid=123456 app") },
    { name: "-l inside a combined group", dockerfile: df("useradd -lm -u 123456 app") },
    { name: "unknown UID variable", dockerfile: "FROM debian:12.5\nARG UID\nRUN useradd -u $UID app\n" },
    { name: "variable with a short default", dockerfile: "FROM debian:12.5\nARG UID=1000\nRUN useradd -u ${UID} app\n" },
    { name: "adduser is another tool", dockerfile: "FROM alpine:3.20\nRUN adduser -D -u 123456 app\n" },
    { name: "mentioned in quoted text", dockerfile: df("echo 'useradd -u 123456 app' > /notes") },
    { name: "usermod is not useradd", dockerfile: df("usermod -u 123456 app") },
  ],
  invalid: [
    { name: "long UID without -l", dockerfile: df("useradd -u 123456 app"), errors: [{ messageId: "highUid", line: 2, column: 5 }] },
    { name: "--uid=", dockerfile: df("groupadd -g 1000001 app && useradd --uid=1000001 -g app app"), errors: [{ messageId: "highUid", line: 2, column: 32 }] },
    { name: "glued -u value", dockerfile: df("useradd -u1000001 -m app"), errors: [{ messageId: "highUid", line: 2 }] },
    { name: "behind sudo", dockerfile: df("sudo useradd -r -u 200000 app"), errors: [{ messageId: "highUid", line: 2, column: 10 }] },
    { name: "variable with a long ARG default", dockerfile: "FROM debian:12.5\nARG UID=1000001\nRUN useradd -u \"$UID\" app\n", errors: [{ messageId: "highUid", line: 3 }] },
    {
      name: "continued lines",
      dockerfile: "FROM debian:12.5\nRUN groupadd -r app \\\n && useradd -r \\\n    -u 1000001 app\n",
      errors: [{ messageId: "highUid", line: 3, column: 5 }],
    },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\nuseradd -u 1000001 app\nEOF\n", errors: [{ messageId: "highUid", line: 3, column: 1 }] },
  ],
});
