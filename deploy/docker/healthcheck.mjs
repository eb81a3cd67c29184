// HEALTHCHECK for shipshape's image (Docker, Compose, Swarm; Kubernetes ignores it and uses the probes in
// deploy/webhook/deployment.yaml). The same image runs one-shot scans and the webhook, so the check looks
// at the container's main process: when it is `shipshape webhook`, the webhook must answer GET /healthz on
// its --port over HTTPS (loopback, so the certificate is not verified: it names the Service, not 127.0.0.1);
// any other command is healthy while it runs. Exit 0 healthy, 1 unhealthy.
import { readFileSync } from "node:fs";
import https from "node:https";

const procFile = process.env.SHIPSHAPE_HEALTHCHECK_CMDLINE ?? "/proc/1/cmdline";
let args;
try {
  args = readFileSync(procFile, "utf8").split("\0").filter((a) => a !== "");
} catch {
  process.exit(0);
}
if (!args.includes("webhook")) process.exit(0);

const portArg = args.find((a) => a.startsWith("--port="))?.slice("--port=".length) ?? args[args.indexOf("--port") + 1];
const port = args.includes("--port") || portArg !== undefined ? Number(portArg) : 8443;
const req = https.get({ host: "127.0.0.1", port: Number.isInteger(port) ? port : 8443, path: "/healthz", rejectUnauthorized: false, timeout: 3000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on("timeout", () => req.destroy(new Error("timeout")));
req.on("error", () => process.exit(1));
