import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.9. The plugin needs a configuration file (--admission-control-config-file), so no automatic fix is offered.
export default defineRule({
  id: "apiserver-event-rate-limit",
  title: "API server does not limit event rates",
  rationale:
    "Events are written by every component and can be created in large numbers. Without the EventRateLimit admission plugin nothing bounds how many events a namespace, user or source may create per second, and each of them is an etcd write.",
  attack:
    "A compromised or buggy client floods the API server with events, filling etcd and slowing down or stopping the control plane for everybody (a denial of service that needs only permission to create events).",
  remediation:
    "Add EventRateLimit to `--enable-admission-plugins` and point `--admission-control-config-file` at an AdmissionConfiguration with an EventRateLimit configuration (limits per Server, Namespace, User or SourceAndObject).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction,EventRateLimit"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so event floods are not limited",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "EventRateLimit", messageId: "off" });
  },
});
