import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-run-cd.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "bare cd goes home", dockerfile: df("cd && ls") },
    { name: "temporary build directory removed later", dockerfile: "FROM debian:12.5\nENV V=1\nRUN tar -xf src.tgz -C /usr/src \\\n && cd /usr/src/app-$V \\\n && make install \\\n && cd / \\\n && rm -rf /usr/src/app-$V\n" },
    { name: "cd / after an exempt cd", dockerfile: df('tmp="$(mktemp -d)"; cd "$tmp"; make; cd /; rm -rf "$tmp"') },
    { name: "glob target", dockerfile: df("tar -xzf /tmp/l.tgz -C /tmp && cd /tmp/luarocks* && make") },
    { name: "no cd", dockerfile: "FROM debian:12.5\nWORKDIR /app\nRUN make\n" },
    { name: "cd in a subshell", dockerfile: df("(cd /tmp/src && make install) && rm -rf /tmp/src") },
    { name: "cd in a substitution", dockerfile: df('ROOT="$(cd /opt && pwd)" && echo $ROOT') },
    { name: "cd into a temporary directory", dockerfile: df('cd "$(mktemp -d)" && curl -fsSLO https://x/a.tgz') },
    { name: "cd to a shell variable", dockerfile: df('tmp=/tmp/build; mkdir -p "$tmp" && cd "$tmp" && make') },
    { name: "cd in a for loop variable", dockerfile: df("for d in a b; do (make -C $d); done; cd $d") },
    { name: "quoted text", dockerfile: df("echo 'cd /app && make'") },
    { name: "subshell after a quoted paren", dockerfile: df("echo ')' && (cd /x && make)") },
    { name: "exec form without a shell", dockerfile: 'FROM debian:12.5\nRUN ["make", "-C", "/app"]\n' },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN cd C:\\app; make\n' },
  ],
  invalid: [
    { name: "exec form running sh -c (the script is parsed)", dockerfile: 'FROM debian:12.5\nRUN ["sh", "-c", "cd /app && make"]\n', errors: [{ messageId: "cd", line: 2, column: 19 }] },
    { name: "cd && make", dockerfile: df("cd /usr/src/app && make"), errors: [{ messageId: "cd", line: 2, column: 5 }] },
    { name: "cd to an ENV variable", dockerfile: "FROM debian:12.5\nENV APP=/app\nRUN cd $APP && make\n", errors: [{ messageId: "cd", line: 3 }] },
    { name: "one finding per RUN, in a continued chain", dockerfile: "FROM debian:12.5\nRUN mkdir /x \\\n && cd /x \\\n && make \\\n && cd /\n", errors: [{ messageId: "cd", line: 3, column: 5 }] },
    { name: "cd after a closed subshell", dockerfile: df("(make) && cd /opt && ls"), errors: [{ messageId: "cd", line: 2, column: 15 }] },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\ncd /app\nmake\nEOF\n", errors: [{ messageId: "cd", line: 3, column: 1 }] },
    { name: "each RUN", dockerfile: "FROM debian:12.5 AS b\nRUN cd /a && make\nRUN cd /b && make\n", errors: [{ messageId: "cd", line: 2, object: "Dockerfile/b" }, { messageId: "cd", line: 3, object: "Dockerfile/b" }] },
  ],
});
