import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-multiple-healthcheck.js";

ruleTester(rule, {
  valid: [
    { name: "one HEALTHCHECK", dockerfile: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n" },
    { name: "one per stage", dockerfile: "FROM nginx:1.27 AS a\nHEALTHCHECK CMD /a\nFROM a\nHEALTHCHECK CMD /b\n" },
    { name: "ONBUILD HEALTHCHECK is not this stage's", dockerfile: "FROM nginx:1.27\nHEALTHCHECK CMD /a\nONBUILD HEALTHCHECK CMD /b\n" },
    { name: "the word in a RUN", dockerfile: "FROM nginx:1.27\nRUN echo HEALTHCHECK\nHEALTHCHECK CMD /a\n" },
  ],
  invalid: [
    {
      name: "two HEALTHCHECKs",
      dockerfile: "FROM nginx:1.27\nHEALTHCHECK CMD /a\nHEALTHCHECK --interval=5s CMD /b\n",
      errors: [{ messageId: "overridden", line: 2, column: 1 }],
    },
    {
      name: "three, NONE included",
      dockerfile: "FROM nginx:1.27\nHEALTHCHECK NONE\nRUN true\nHEALTHCHECK CMD /a\nhealthcheck CMD /b\n",
      errors: [{ messageId: "overridden", line: 2 }, { messageId: "overridden", line: 4 }],
    },
    {
      name: "in a build stage",
      dockerfile: "FROM nginx:1.27 AS a\nHEALTHCHECK CMD /a\nHEALTHCHECK CMD /b\nFROM a\n",
      errors: [{ messageId: "overridden", line: 2, object: "Dockerfile/a" }],
    },
  ],
});
