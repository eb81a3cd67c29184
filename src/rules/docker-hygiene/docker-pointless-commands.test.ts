import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-pointless-commands.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "installing vim and openssh is not running them", dockerfile: df("apt-get install -y vim openssh-client procps") },
    { name: "looking a program up", dockerfile: df("command -v ps && which top") },
    { name: "similar names", dockerfile: df("ssh-keygen -A && vim.tiny --version; psql -c 'select 1'; servicectl x") },
    { name: "quoted text", dockerfile: df("echo 'service nginx start'") },
    { name: "RUN --mount flag is not the mount command", dockerfile: "FROM debian:12.5\nRUN --mount=type=cache,target=/root/.cache make\n" },
    { name: "param replaces the list", dockerfile: df("service nginx start"), params: { commands: ["vim"] } },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN ps; kill 1\n' },
  ],
  invalid: [
    { name: "service start", dockerfile: df("apt-get install -y nginx && service nginx start"), errors: [{ messageId: "pointless", line: 2, column: 33 }] },
    { name: "sudo kill in a continued chain", dockerfile: "FROM debian:12.5\nRUN make \\\n && sudo kill -9 1\n", errors: [{ messageId: "pointless", line: 3, column: 10 }] },
    { name: "ps in a pipe and a substitution", dockerfile: df("ps aux | grep x; echo $(free -m)"), errors: [{ messageId: "pointless", line: 2, column: 5 }, { messageId: "pointless", line: 2, column: 29 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN ["ssh", "git@example.com"]\n', errors: [{ messageId: "pointless", line: 2 }] },
    { name: "custom list", dockerfile: df("systemctl enable nginx"), params: { commands: ["systemctl"] }, errors: [{ messageId: "pointless", line: 2 }] },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\nmount -t tmpfs none /mnt\nEOF\n", errors: [{ messageId: "pointless", line: 3, column: 1 }] },
    { name: "build stage", dockerfile: "FROM debian:12.5 AS b\nRUN ifconfig\nFROM debian:12.5\n", errors: [{ messageId: "pointless", line: 2, object: "Dockerfile/b" }] },
  ],
});
