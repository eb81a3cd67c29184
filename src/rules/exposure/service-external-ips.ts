import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { jsonText } from "../../model/json-text.js";

// Reports a v1 Service whose `spec.externalIPs` holds any entry (a non-list value is reported too: it is
// not "unset"). Whether a given address is legitimate cannot be told from the manifest.
export default defineRule({
  id: "service-external-ips",
  title: "Service with externalIPs",
  rationale:
    "`externalIPs` makes kube-proxy on every node capture traffic sent to the listed addresses and hand it to the " +
    "Service. Kubernetes does not check that the addresses belong to the Service's owner, so anyone allowed to create " +
    "or edit a Service can claim any address, including those of other services or external hosts (CVE-2020-8554).",
  attack:
    "An attacker with rights to create Services in one namespace lists the address of a database, an internal API or " +
    "a public DNS server as an externalIP; from then on the cluster's traffic to that address lands in the attacker's " +
    "pods, which read credentials or answer with forged responses.",
  remediation:
    "Remove `externalIPs` and use a LoadBalancer Service or an Ingress to receive outside traffic. Block the field " +
    "cluster-wide with an admission policy (the DenyServiceExternalIPs admission plugin, or a policy engine) and " +
    "allow it only for reviewed addresses.",
  example: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
  externalIPs:
    - 203.0.113.10
`,
    secure: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
`,
  },
  messages: {
    externalIPs: "Service '{{name}}' claims external addresses ({{ips}}) that every node will intercept",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.apiVersion !== "v1" || !isObject(r.object.spec)) return;
    const v = r.object.spec.externalIPs;
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) return;
    const ips = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" || typeof x === "number" ? String(x) : jsonText(x)));
    const path = ["spec", "externalIPs"];
    ctx.report({
      messageId: "externalIPs",
      data: { name: r.name, ips: ips.length > 3 ? `${ips.slice(0, 3).join(", ")}, …` : ips.join(", ") },
      path,
      fix: fixes.remove(path, {
        description: "Remove externalIPs",
        safety: "unsafe",
        note: "Clients that reach the Service through these addresses lose access; give it a LoadBalancer or an Ingress first.",
      }),
    });
  },
});
