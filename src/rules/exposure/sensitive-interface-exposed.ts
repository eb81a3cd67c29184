import { defineRule } from "../../engine/rule-types.js";
import { type Exposure, type PodTemplate, serviceIndex } from "../../model/services.js";
import { describeExposure, identityNames, listForMessage, matchPattern } from "./_exposure.js";

function templateNames(t: PodTemplate): string[] {
  const images = (t.workload?.containers ?? []).map((c) => (typeof c.spec.image === "string" ? c.spec.image : ""));
  return identityNames(t.resource.name, t.labels, images);
}

// A known admin or data-science UI (`sensitiveInterfaces`: case-insensitive substrings of a name, an identity
// label value — app, app.kubernetes.io/name, app.kubernetes.io/component, k8s-app, name, component — or an
// image's repository without registry and tag, e.g. `jupyter/base-notebook`) that is reachable from outside
// the cluster. Reported where the exposure is made:
// - on a Service that is sensitive itself or selects a sensitive pod template, when it is of type NodePort,
//   LoadBalancer (not marked internal) or has externalIPs, or an Ingress, a Gateway-attached route or a
//   gateway-bound VirtualService sends traffic to it (the Service is the piece those routes publish);
// - on a sensitive workload that listens on the node itself (hostPort, hostNetwork).
export default defineRule({
  id: "sensitive-interface-exposed",
  title: "Admin interface exposed outside the cluster",
  rationale:
    "Dashboards and notebooks such as the Kubernetes Dashboard, Argo Workflows, Jupyter, MLflow, Ray or Jenkins let " +
    "their users run code, start workloads or read credentials by design. Inside the cluster they are reachable only " +
    "by other workloads; published through a NodePort, a load balancer or an Ingress they become a remote code " +
    "execution service for whoever finds them, and many ship without authentication or with weak defaults.",
  attack:
    "Attackers search the internet for these interfaces (they have recognisable pages and titles), log in with " +
    "default or no credentials, and run a notebook cell, a pipeline step or a Jenkins script that reads the pod's " +
    "service account token and cloud credentials, then move into the cluster. Exposed Ray, Jupyter and Kubernetes " +
    "Dashboard instances have been mass-exploited for crypto mining this way.",
  remediation:
    "Keep the Service ClusterIP and reach the interface through `kubectl port-forward`, a VPN, or an Ingress that " +
    "enforces single sign-on (an authenticating proxy such as oauth2-proxy). Turn on the interface's own " +
    "authentication, and restrict who can reach it with a NetworkPolicy.",
  example: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: jupyter
spec:
  type: LoadBalancer
  selector: {app: jupyter}
  ports:
    - port: 80
      targetPort: 8888
`,
    secure: `apiVersion: v1
kind: Service
metadata:
  name: jupyter
spec:
  type: ClusterIP
  selector: {app: jupyter}
  ports:
    - port: 80
      targetPort: 8888
`,
  },
  messages: {
    service: "Service '{{name}}' publishes {{interface}} outside the cluster through {{via}}",
    workload: "{{kind}} '{{name}}' ({{interface}}) is reachable from outside the cluster through {{via}}",
  },
  check(ctx) {
    const patterns = ctx.params.strings("sensitiveInterfaces");
    if (patterns.length === 0) return;
    const idx = serviceIndex(ctx.inventory);
    const r = ctx.resource;
    const external = (e: Exposure): boolean => !(e.via === "LoadBalancer" && e.internal);

    const service = idx.service(r);
    if (service) {
      const exposures = idx.serviceExposures(service).filter(external);
      if (exposures.length === 0) return;
      let found = matchPattern(identityNames(service.name, r.labels()), patterns);
      for (const t of idx.selectedBy(service)) found ??= matchPattern(templateNames(t), patterns);
      if (found === undefined) return;
      const direct = exposures.find((e) => e.via !== "route");
      const path = !direct ? ["metadata", "name"] : direct.via === "externalIPs" ? ["spec", "externalIPs"] : ["spec", "type"];
      ctx.report({
        messageId: "service",
        data: { name: service.name, interface: found, via: listForMessage(exposures.map((e) => (e.via === "route" ? describeExposure(e).replace(/ → Service '.*'$/, "") : `type ${e.via === "externalIPs" ? "externalIPs" : e.via}`))) },
        path,
      });
      return;
    }

    const template = idx.template(r);
    if (!template) return;
    const onNode = idx.exposures(template).filter((e) => e.via === "hostPort" || e.via === "hostNetwork");
    if (onNode.length === 0) return;
    const found = matchPattern(templateNames(template), patterns);
    if (found === undefined) return;
    const first = onNode[0]!;
    const path = first.via === "hostPort" ? [...first.port.path, "hostPort"] : template.workload ? template.workload.at("hostNetwork") : template.labelsPath;
    ctx.report({ messageId: "workload", data: { kind: r.kind, name: r.name, interface: found, via: listForMessage(onNode.map(describeExposure)) }, path });
  },
});
