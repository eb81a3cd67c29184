import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { etcdConfiguredByFile } from "./_etcd.js";
import { staticPodYaml } from "./_pods.js";

// CIS 2.4. Both --peer-cert-file and --peer-key-file (or their ETCD_ variables) must be set. CIS applies it to every
// etcd, single-member ones included, since members can be added later.
export default defineRule({
  id: "etcd-peer-cert-file",
  title: "etcd peer port without TLS",
  rationale:
    "Without --peer-cert-file and --peer-key-file, etcd members replicate the cluster state to each other over plain " +
    "HTTP (or with self-signed certificates). Every write, Secrets included, crosses the network between members.",
  attack: "An attacker on the network between etcd members reads the replicated data or tampers with it.",
  remediation: "Add `--peer-cert-file` and `--peer-key-file` (a certificate signed by the peer CA) and https:// peer URLs to the etcd command of every member.",
  example: {
    insecure: staticPodYaml("etcd", ["--listen-peer-urls=http://192.168.0.10:2380"]),
    secure: staticPodYaml("etcd", ["--listen-peer-urls=https://192.168.0.10:2380", "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key"]),
  },
  messages: {
    missing: "etcd in container '{{container}}' does not set {{flags}}, so replication between members is not protected by TLS",
  },
  check(ctx) {
    requireFlags(ctx, { component: "etcd", flags: ["peer-cert-file", "peer-key-file"], missing: "missing", skip: etcdConfiguredByFile });
  },
});
