import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-workdir-system-dir.js";

const df = (body: string) => `FROM debian:12.5\n${body}\n`;

ruleTester(rule, {
  valid: [
    { name: "application directory", dockerfile: df("WORKDIR /srv/app") },
    { name: "prefix that is not the directory", dockerfile: df("WORKDIR /devel/app") },
    { name: "/bootstrap is not /boot", dockerfile: df("WORKDIR /bootstrap") },
    { name: "root", dockerfile: df("WORKDIR /") },
    { name: "relative without a known base", dockerfile: df("WORKDIR proc") },
    { name: "unknown variable", dockerfile: df("WORKDIR $TARGET") },
    { name: "variable set to an application directory", dockerfile: df("ENV APP=/opt/app\nWORKDIR $APP") },
    { name: "leaving /proc with ..", dockerfile: df("WORKDIR /proc/../srv") },
    { name: "Windows path", dockerfile: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\dev\n" },
    { name: "parameter can remove a directory", dockerfile: df("WORKDIR /dev/x"), params: { systemDirs: ["/proc"] } },
    { name: "mentioned only in RUN", dockerfile: df("RUN cd /proc && ls") },
  ],
  invalid: [
    { name: "/proc", dockerfile: df("WORKDIR /proc"), errors: [{ messageId: "systemDir", line: 2, column: 9 }] },
    { name: "below /sys with trailing slash", dockerfile: df("WORKDIR /sys/kernel/"), errors: [{ messageId: "systemDir", line: 2 }] },
    { name: "quoted /dev path", dockerfile: df('WORKDIR "/dev/app"'), errors: [{ messageId: "systemDir", line: 2 }] },
    { name: "double slash", dockerfile: df("WORKDIR //boot//x"), errors: [{ messageId: "systemDir", line: 2 }] },
    { name: "relative to an earlier WORKDIR", dockerfile: df("WORKDIR /\nWORKDIR proc"), errors: [{ messageId: "systemDir", line: 3 }] },
    { name: "via ..", dockerfile: df("WORKDIR /srv/../dev"), errors: [{ messageId: "systemDir", line: 2 }] },
    { name: "variable from ENV", dockerfile: df("ENV APP_DIR=/proc/app\nWORKDIR ${APP_DIR}"), errors: [{ messageId: "systemDir", line: 3 }] },
    { name: "variable from an ARG default", dockerfile: df("ARG DIR=/boot\nWORKDIR $DIR/app"), errors: [{ messageId: "systemDir", line: 3 }] },
    {
      name: "ENV inherited from the stage it builds on",
      dockerfile: "FROM debian:12.5 AS base\nENV D=/sys\nFROM base\nWORKDIR $D/x\n",
      errors: [{ messageId: "systemDir", line: 4, object: "Dockerfile/1" }],
    },
    { name: "parameter adds a directory", dockerfile: df("WORKDIR /etc/app"), params: { systemDirs: ["/etc"] }, errors: [{ messageId: "systemDir", line: 2 }] },
  ],
});
