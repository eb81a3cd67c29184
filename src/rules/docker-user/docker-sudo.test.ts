import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-sudo.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "installing the sudo package is not calling it", dockerfile: df("apt-get update && apt-get install -y sudo sudoku") },
    { name: "sudo inside quoted text", dockerfile: df("echo 'run sudo make install' > /README") },
    { name: "sudoers file edits", dockerfile: df("echo 'app ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers.d/app") },
    { name: "a path that ends in sudo-like text", dockerfile: df("/opt/pseudo/bin/run --sudo-mode=off") },
    { name: "sh -c script without sudo", dockerfile: df("sh -c 'echo sudo; apt-get install -y sudo'") },
    { name: "exec form with another program", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "install", "-y", "sudo"]\n' },
    {
      name: "PowerShell stage is not parsed as a POSIX shell",
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN sudo Write-Host hi\n',
    },
  ],
  invalid: [
    { name: "sudo apt-get", dockerfile: df("sudo apt-get install git"), errors: [{ messageId: "sudo", line: 2, column: 5 }] },
    {
      name: "in a continued && chain",
      dockerfile: "FROM debian:12.5\nRUN apt-get update \\\n && sudo apt-get install vim\n",
      errors: [{ messageId: "sudo", line: 3, column: 5 }],
    },
    { name: "behind env", dockerfile: df("env DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y x"), errors: [{ messageId: "sudo", line: 2, column: 40 }] },
    { name: "after xargs", dockerfile: df("find /tmp -name '*.log' | xargs sudo rm -f"), errors: [{ messageId: "sudo", line: 2, column: 37 }] },
    { name: "absolute path", dockerfile: df("/usr/bin/sudo -u app make"), errors: [{ messageId: "sudo", line: 2 }] },
    { name: "in a command substitution", dockerfile: df('echo "$(sudo cat /etc/shadow)"'), errors: [{ messageId: "sudo", line: 2 }] },
    { name: "sudo alone with flags", dockerfile: df("sudo -v"), errors: [{ messageId: "sudo", line: 2 }] },
    { name: "twice in one RUN", dockerfile: df("sudo mkdir /a; sudo chown app /a"), errors: [{ messageId: "sudo", line: 2, column: 5 }, { messageId: "sudo", line: 2, column: 20 }] },
    { name: "in a heredoc script", dockerfile: "FROM debian:12.5\nRUN <<EOF\nset -e\nsudo make install\nEOF\n", errors: [{ messageId: "sudo", line: 4, column: 1 }] },
    { name: "sh -c script calling sudo", dockerfile: df('bash -lc "cd /src && sudo make install"'), errors: [{ messageId: "sudo", line: 2, column: 26 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN ["sudo", "make", "install"]\n', errors: [{ messageId: "sudo", line: 2 }] },
    { name: "ONBUILD RUN", dockerfile: "FROM debian:12.5\nONBUILD RUN sudo make\n", errors: [{ messageId: "sudo", line: 2 }] },
    {
      name: "in a build stage",
      dockerfile: "FROM debian:12.5 AS build\nRUN sudo make\nFROM debian:12.5\nUSER 1000\n",
      errors: [{ messageId: "sudo", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
