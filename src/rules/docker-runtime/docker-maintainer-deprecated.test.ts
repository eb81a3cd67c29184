import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-maintainer-deprecated.js";

ruleTester(rule, {
  valid: [
    { name: "maintainer label", dockerfile: 'FROM base\nLABEL maintainer="Jane <jane@example.com>"\n' },
    { name: "the word in a RUN", dockerfile: "FROM base\nRUN echo MAINTAINER\n" },
  ],
  invalid: [
    { name: "MAINTAINER", dockerfile: "FROM  base\n\nMAINTAINER checkov\n", errors: [{ messageId: "deprecated", line: 3, column: 1 }] },
    {
      name: "one per stage, reported once each",
      dockerfile: "FROM base AS a\nmaintainer Jane\nFROM a\nMAINTAINER Joe <joe@example.com>\n",
      errors: [{ messageId: "deprecated", line: 2, object: "Dockerfile/a" }, { messageId: "deprecated", line: 4, object: "Dockerfile/1" }],
    },
    {
      name: "before the first FROM, reported once",
      dockerfile: "MAINTAINER Jane\nFROM base AS a\nFROM base\n",
      errors: [{ messageId: "deprecated", line: 1, object: "Dockerfile/a" }],
    },
  ],
});
