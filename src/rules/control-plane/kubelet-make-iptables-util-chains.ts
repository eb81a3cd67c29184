import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, boolOf, kubeletCheck, kubeletConfigYaml } from "./_kubelet.js";

// CIS 4.2.6. makeIPTablesUtilChains defaults to true: only an explicit false is reported.
export default defineRule({
  id: "kubelet-make-iptables-util-chains",
  title: "Kubelet does not manage its iptables chains",
  rationale:
    "With makeIPTablesUtilChains (on by default) the kubelet creates and keeps the iptables utility chains (such as " +
    "KUBE-FIREWALL) that drop traffic meant to be blocked. Turned off, those rules must be maintained by hand and drift " +
    "from what the pod network expects.",
  attack: "Missing or stale firewall chains leave node-local traffic (for example to localhost-bound services through route_localnet) unfiltered, giving pods paths to services on the node they should not reach.",
  remediation: "Remove `makeIPTablesUtilChains: false` from the kubelet's configuration file (or `--make-iptables-util-chains=false` from its command line).",
  example: {
    insecure: kubeletConfigYaml({ makeIPTablesUtilChains: false }),
    secure: kubeletConfigYaml({ makeIPTablesUtilChains: true }),
  },
  messages: {
    off: "The kubelet ({{where}}) sets {{setting}} to {{value}}, so its iptables chains are not kept in line with the pod network",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.makeIPTablesUtilChains, (v) => (v.explicit && boolOf(v.value) === false ? "off" : undefined));
  },
});
