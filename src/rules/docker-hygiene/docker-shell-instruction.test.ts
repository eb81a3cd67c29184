import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-shell-instruction.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "SHELL instruction", dockerfile: 'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]\nRUN source /etc/profile\n' },
    { name: "linking something else", dockerfile: df("ln -s /usr/bin/python3 /usr/bin/python && ln -sf /bin/sh /usr/local/bin/mysh") },
    { name: "copying from /bin/sh", dockerfile: df("cp /bin/sh /tmp/sh") },
    { name: "/bin/shell is not /bin/sh", dockerfile: df("ln -s /bin/bash /bin/shell") },
    { name: "quoted text", dockerfile: df("echo 'ln -sf /bin/bash /bin/sh'") },
    { name: "other update-alternatives", dockerfile: df("update-alternatives --install /usr/bin/python python /usr/bin/python3 1") },
    { name: "dpkg-reconfigure of another package", dockerfile: df("dpkg-reconfigure -f noninteractive tzdata") },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN cp C:/a /bin/sh\n' },
  ],
  invalid: [
    { name: "ln -sf /bin/bash /bin/sh", dockerfile: df("ln -sf /bin/bash /bin/sh"), errors: [{ messageId: "replaced", line: 2, column: 5 }] },
    { name: "rm then ln, in a continued chain", dockerfile: "FROM debian:12.5\nRUN rm /bin/sh \\\n && sudo ln -s bash /bin/sh\n", errors: [{ messageId: "replaced", line: 3, column: 10 }] },
    { name: "/usr/bin/sh", dockerfile: df("ln -snf /usr/bin/zsh /usr/bin/sh"), errors: [{ messageId: "replaced", line: 2 }] },
    { name: "mv", dockerfile: df("mv /bin/bash.static /bin/sh"), errors: [{ messageId: "replaced", line: 2 }] },
    { name: "update-alternatives", dockerfile: df("update-alternatives --install /bin/sh sh /bin/bash 100"), errors: [{ messageId: "replaced", line: 2 }] },
    { name: "dpkg-reconfigure dash", dockerfile: df('echo "dash dash/sh boolean false" | debconf-set-selections && dpkg-reconfigure -f noninteractive dash'), errors: [{ messageId: "replaced", line: 2 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN ["ln", "-sf", "/bin/bash", "/bin/sh"]\n', errors: [{ messageId: "replaced", line: 2 }] },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\nln -sf /bin/bash /bin/sh\nEOF\n", errors: [{ messageId: "replaced", line: 3, column: 1 }] },
    { name: "build stage", dockerfile: "FROM debian:12.5 AS b\nRUN ln -sf bash /bin/sh\nFROM debian:12.5\n", errors: [{ messageId: "replaced", line: 2, object: "Dockerfile/b" }] },
  ],
});
