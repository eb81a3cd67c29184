import { defineRule } from "../../engine/rule-types.js";
import type { KubeVersion } from "../../model/kube-version.js";
import { KUBELET, kubeletCheck, kubeletConfigYaml, numberOf } from "./_kubelet.js";

// CIS 4.2.8 (manual, "a level which ensures appropriate event capture"). Reported: an explicit eventRecordQPS above 0
// but below the Kubernetes default of the target version (50 from 1.27, 5 before). 0 is not reported: the
// configuration file reads it as "no limit" (the flag, in older versions, as "use the default").
const defaultQps = (v: KubeVersion) => (v.atLeast(27) ? 50 : 5);

export default defineRule({
  id: "kubelet-event-qps",
  title: "Kubelet drops events",
  rationale:
    "The kubelet rate-limits the events it sends (pod started, image pulled, container killed, probe failed). Events above " +
    "eventRecordQPS per second are dropped. Set below the default, bursts of activity, exactly when something is " +
    "happening, are lost from the record.",
  attack: "An attacker's actions on a node (crash-looping a container, pulling images, evicting pods) produce events that are silently dropped, hiding them from monitoring that watches events.",
  remediation: "Remove `eventRecordQPS` from the kubelet's configuration file to use the default, or set it at least as high as the default (50 since Kubernetes 1.27).",
  example: {
    insecure: kubeletConfigYaml({ eventRecordQPS: 1 }),
    secure: kubeletConfigYaml({ eventRecordQPS: 50 }),
  },
  messages: {
    low: "The kubelet ({{where}}) sets {{setting}} to {{value}}, below the default of {{default}} events per second, so events are dropped",
  },
  check(ctx) {
    const d = defaultQps(ctx.kubeVersion);
    kubeletCheck(ctx, KUBELET.eventRecordQPS, (v) => {
      const n = numberOf(v.value);
      return v.explicit && n !== undefined && n > 0 && n < d ? "low" : undefined;
    }, () => ({ default: d }));
  },
});
