import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-chpasswd.js";

const df = (run: string) => `FROM ubuntu:24.04\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "other commands on /etc/passwd", dockerfile: df("chgrp root /etc/passwd && chmod g=u /etc/passwd") },
    { name: "user created without a password", dockerfile: df("useradd -r -u 10001 -m app") },
    { name: "chpasswd mentioned in quoted text", dockerfile: df("echo 'do not use chpasswd' > /NOTES") },
    { name: "sh -c script mentioning chpasswd in an argument", dockerfile: df("sh -c 'man chpasswd > /doc.txt'") },
    { name: "installing the package that provides it", dockerfile: df("apt-get install -y passwd") },
    {
      name: "PowerShell stage is not parsed as a POSIX shell",
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN echo "a:b" | chpasswd\n',
    },
  ],
  invalid: [
    { name: "echo root:root | chpasswd", dockerfile: df("echo 'root:root' | chpasswd"), errors: [{ messageId: "setUser", line: 2, column: 24 }] },
    { name: "empty password", dockerfile: df("echo 'root:' | chpasswd"), errors: [{ messageId: "empty", line: 2 }] },
    {
      name: "inside an && chain",
      dockerfile: df('apt-get update && echo "someuser:somepasswd" | chpasswd && echo "lol"'),
      errors: [{ messageId: "setUser", line: 2 }],
    },
    {
      name: "continued lines with semicolons",
      dockerfile: "FROM ubuntu:24.04\nRUN apt-get update ;\\\n    apt-get clean ; \\\n    echo 'root:root' | chpasswd\n",
      errors: [{ messageId: "setUser", line: 4, column: 24 }],
    },
    { name: "from a file", dockerfile: df("chpasswd < input.txt"), errors: [{ messageId: "set", line: 2, column: 5 }] },
    { name: "password from a variable still names the user", dockerfile: df('echo "app:${APP_PASSWORD}" | sudo chpasswd'), errors: [{ messageId: "setUser", line: 2 }] },
    { name: "printf with a newline", dockerfile: df("printf 'root:\\n' | chpasswd"), errors: [{ messageId: "empty", line: 2 }] },
    { name: "busybox applet", dockerfile: "FROM alpine:3.20\nRUN echo 'root:x' | busybox chpasswd\n", errors: [{ messageId: "setUser", line: 2, column: 29 }] },
    { name: "encrypted password still set", dockerfile: df("echo 'app:$6$salt$hash' | chpasswd -e"), errors: [{ messageId: "setUser", line: 2 }] },
    { name: "in a heredoc script", dockerfile: "FROM ubuntu:24.04\nRUN <<EOF\nuseradd app\necho 'app:pw' | chpasswd\nEOF\n", errors: [{ messageId: "setUser", line: 4, column: 17 }] },
    { name: "sh -c script", dockerfile: df(`sh -c "echo 'app:pw' | chpasswd"`), errors: [{ messageId: "setUser", line: 2, column: 28 }] },
    { name: "exec form", dockerfile: 'FROM ubuntu:24.04\nRUN ["chpasswd"]\n', errors: [{ messageId: "set", line: 2 }] },
    {
      name: "two stages, each reported on its own",
      dockerfile: "FROM ubuntu:24.04 AS a\nRUN echo 'root:a' | chpasswd\nFROM ubuntu:24.04\nRUN echo 'root:b' | chpasswd\nUSER 1000\n",
      errors: [{ messageId: "setUser", line: 2, object: "Dockerfile/a" }, { messageId: "setUser", line: 4, object: "Dockerfile/1" }],
    },
  ],
});
