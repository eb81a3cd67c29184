import { type RuleContext, defineRule } from "../../engine/rule-types.js";
import { type ImageRef, type TagVersion, compareVersions, imageBaseName, tagVersion } from "../../model/image.js";
import { isObject } from "../../model/types.js";
import { containerImages, isIngressNginxController } from "./_images.js";

/** A range of affected versions: from `from` (inclusive) up to `fixed` (exclusive). */
interface Range {
  from: [number, number, number];
  fixed: [number, number, number];
}

interface Advisory {
  component: string;
  cve: string;
  summary: string;
  /** Does the image belong to the component? */
  matches(ref: ImageRef): boolean;
  ranges: Range[];
}

const r = (from: string, fixed: string): Range => ({ from: triple(from), fixed: triple(fixed) });
function triple(v: string): [number, number, number] {
  const [a = 0, b = 0, c = 0] = v.split(".").map(Number);
  return [a, b, c];
}

// Component releases with known, exploitable vulnerabilities, from the vendors' advisories (affected range and the
// first fixed release of each maintained branch).
const IMAGE_ADVISORIES: Advisory[] = [
  {
    component: "Argo CD",
    cve: "CVE-2022-24348",
    summary: "a crafted Helm chart reads files of other applications, including their secrets",
    matches: (ref) => imageBaseName(ref) === "argocd",
    // GHSA-63qx-x74g-jcr7: fixed in 2.3.0, 2.2.4 and 2.1.9.
    ranges: [r("0.0.0", "2.1.9"), r("2.2.0", "2.2.4")],
  },
  {
    component: "Grafana",
    cve: "CVE-2022-39328",
    summary: "a race condition lets unauthenticated users call privileged API endpoints",
    matches: (ref) => ["grafana", "grafana-enterprise"].includes(imageBaseName(ref)),
    // GHSA-vqc4-mpj8-jxch: 9.2.0 to 9.2.3, fixed in 9.2.4.
    ranges: [r("9.2.0", "9.2.4")],
  },
  {
    component: "Kyverno",
    cve: "CVE-2022-47633",
    summary: "a malicious registry can bypass image signature verification",
    matches: (ref) => imageBaseName(ref) === "kyverno",
    // Kyverno advisory for CVE-2022-47633: 1.8.3 and 1.8.4, fixed in 1.8.5.
    ranges: [r("1.8.3", "1.8.5")],
  },
  {
    component: "ingress-nginx",
    cve: "CVE-2025-1974",
    summary: "anyone on the pod network can run code in the controller through its admission webhook and read all Secrets",
    matches: isIngressNginxController,
    // Kubernetes security announcement for CVE-2025-1974 ("IngressNightmare"): fixed in 1.11.5 and 1.12.1.
    ranges: [r("0.0.0", "1.11.5"), r("1.12.0", "1.12.1")],
  },
];

function affected(v: TagVersion, ranges: Range[]): Range | undefined {
  const t = [v.major, v.minor, v.patch];
  return ranges.find((x) => compareVersions(t, x.from) >= 0 && compareVersions(t, x.fixed) < 0);
}

const fmt = (t: readonly number[]) => t.join(".");

// containerd CVE-2022-23648 (GHSA-crp2-qrr5-8pq7): image volumes expose host files; fixed in 1.6.1, 1.5.10, 1.4.13.
const CONTAINERD: Range[] = [r("0.0.0", "1.4.13"), r("1.5.0", "1.5.10"), r("1.6.0", "1.6.1")];
// Linux CVE-2022-0185: heap overflow in legacy_parse_param (since 5.1) lets an unprivileged user with CAP_SYS_ADMIN in
// a user namespace escape the container; fixed in 5.16.2 and the stable branches 5.4.173, 5.10.93, 5.15.16.
const KERNEL: Range[] = [r("5.1.0", "5.4.173"), r("5.5.0", "5.10.93"), r("5.11.0", "5.15.16"), r("5.16.0", "5.16.2")];

export default defineRule({
  id: "vulnerable-component-version",
  title: "Known-vulnerable component version",
  rationale:
    "Some component releases have well-known, easily exploited vulnerabilities with public exploits: a path traversal " +
    "in Argo CD, an authentication bypass in Grafana, a signature-verification bypass in Kyverno, remote code execution " +
    "in the ingress-nginx controller, host file access through containerd, a container escape in the Linux kernel. " +
    "Running an affected version leaves that door open no matter how well the rest is configured.",
  attack:
    "Attackers scan for these components by version and use the published exploits: reading other applications' " +
    "secrets through Argo CD, calling Grafana's admin API without logging in, taking over the ingress controller from " +
    "any pod, or escaping a container to the node.",
  remediation:
    "Upgrade the component to the fixed release named in the finding (or any later supported release). For Node " +
    "findings, upgrade containerd or the node image; distribution kernels may carry backported fixes, so check the " +
    "vendor's advisory for the exact package version.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: grafana
spec:
  selector:
    matchLabels: {app: grafana}
  template:
    metadata:
      labels: {app: grafana}
    spec:
      containers:
        - name: grafana
          image: grafana/grafana:9.2.3
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: grafana
spec:
  selector:
    matchLabels: {app: grafana}
  template:
    metadata:
      labels: {app: grafana}
    spec:
      containers:
        - name: grafana
          image: grafana/grafana:9.2.4
`,
  },
  messages: {
    image: "Container '{{container}}' runs {{component}} {{version}}, affected by {{cve}} ({{summary}}); fixed in {{fixed}}",
    containerd:
      "The node runs containerd {{version}}, affected by CVE-2022-23648 (containers can read arbitrary host files through image volumes); fixed in {{fixed}}",
    kernel:
      "The node runs Linux kernel {{version}}, affected by CVE-2022-0185 (container escape for users who can create user namespaces); fixed in {{fixed}}",
  },
  check(ctx) {
    if (ctx.resource.kind === "Node") {
      checkNode(ctx);
      return;
    }
    for (const { container, ref, path } of containerImages(ctx.workload)) {
      const version = tagVersion(ref.tag);
      if (version === undefined) continue;
      for (const a of IMAGE_ADVISORIES) {
        if (!a.matches(ref)) continue;
        const hit = affected(version, a.ranges);
        if (hit === undefined) continue;
        ctx.report({
          messageId: "image",
          data: { container: container.name, component: a.component, version: ref.tag ?? "", cve: a.cve, summary: a.summary, fixed: fmt(hit.fixed) },
          path,
          container,
        });
      }
    }
  },
});

function checkNode(ctx: RuleContext<"image" | "containerd" | "kernel">): void {
  const status = ctx.resource.object.status;
  const info = isObject(status) ? status.nodeInfo : undefined;
  if (!isObject(info)) return;
  const runtime = info.containerRuntimeVersion;
  if (typeof runtime === "string") {
    const m = /^containerd:\/\/v?(\d+)\.(\d+)\.(\d+)(?:$|[-+])/.exec(runtime.trim());
    if (m) {
      const hit = CONTAINERD.find((x) => inRange([Number(m[1]), Number(m[2]), Number(m[3])], x));
      if (hit) {
        ctx.report({
          messageId: "containerd",
          data: { version: runtime.trim().slice("containerd://".length), fixed: fmt(hit.fixed) },
          path: ["status", "nodeInfo", "containerRuntimeVersion"],
        });
      }
    }
  }
  const kernel = info.kernelVersion;
  const os = info.operatingSystem;
  if (typeof kernel === "string" && (os === undefined || os === "linux")) {
    // Upstream numbering only: "5.10.75", "5.15.0+", "5.10.68-flavour". Distribution kernels that keep the upstream base
    // and count their own builds ("5.4.0-91-generic", "5.15.0-1019-aws") backport fixes, so their number says nothing.
    const m = /^(\d+)\.(\d+)\.(\d+)(.*)$/.exec(kernel.trim());
    if (m && !/^-\d/.test(m[4] ?? "")) {
      const v: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const hit = KERNEL.find((x) => inRange(v, x));
      if (hit) {
        ctx.report({ messageId: "kernel", data: { version: kernel.trim(), fixed: fmt(hit.fixed) }, path: ["status", "nodeInfo", "kernelVersion"] });
      }
    }
  }
}

function inRange(v: readonly number[], x: Range): boolean {
  return compareVersions(v, x.from) >= 0 && compareVersions(v, x.fixed) < 0;
}
