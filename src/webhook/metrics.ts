/** Prometheus text exposition for the webhook: requests by code, decisions by rule and outcome, latency. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly decisions = new Map<string, number>();
  private readonly ruleDecisions = new Map<string, number>();
  private readonly buckets = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  private latencyCount = 0;
  private latencySum = 0;
  private readonly started = Date.now();

  request(code: number): void {
    const k = String(code);
    this.requests.set(k, (this.requests.get(k) ?? 0) + 1);
  }

  /** outcome: allowed, denied, warned (allowed with warnings), skipped (exempt or not judged), audit. */
  decision(outcome: string): void {
    this.decisions.set(outcome, (this.decisions.get(outcome) ?? 0) + 1);
  }

  rule(ruleId: string, outcome: "deny" | "warn"): void {
    const k = `${ruleId}\u0000${outcome}`;
    this.ruleDecisions.set(k, (this.ruleDecisions.get(k) ?? 0) + 1);
  }

  latency(seconds: number): void {
    this.latencyCount++;
    this.latencySum += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) this.buckets[i]!++;
  }

  /** Count of replies with this status code (tests, the soak benchmark). */
  count(code: number): number {
    return this.requests.get(String(code)) ?? 0;
  }

  render(): string {
    const out: string[] = [];
    out.push("# HELP shipshape_webhook_requests_total HTTP requests answered, by status code.");
    out.push("# TYPE shipshape_webhook_requests_total counter");
    for (const [code, n] of sorted(this.requests)) out.push(`shipshape_webhook_requests_total{code="${code}"} ${n}`);
    out.push("# HELP shipshape_webhook_decisions_total Admission decisions, by outcome.");
    out.push("# TYPE shipshape_webhook_decisions_total counter");
    for (const [o, n] of sorted(this.decisions)) out.push(`shipshape_webhook_decisions_total{outcome="${o}"} ${n}`);
    out.push("# HELP shipshape_webhook_rule_decisions_total Rules that denied or warned, by rule and outcome.");
    out.push("# TYPE shipshape_webhook_rule_decisions_total counter");
    for (const [k, n] of sorted(this.ruleDecisions)) {
      const [rule, outcome] = k.split("\u0000");
      out.push(`shipshape_webhook_rule_decisions_total{rule="${escape(rule!)}",outcome="${outcome}"} ${n}`);
    }
    out.push("# HELP shipshape_webhook_review_duration_seconds Time to answer a POST /validate, from first byte to reply.");
    out.push("# TYPE shipshape_webhook_review_duration_seconds histogram");
    LATENCY_BUCKETS.forEach((b, i) => out.push(`shipshape_webhook_review_duration_seconds_bucket{le="${b}"} ${this.buckets[i]}`));
    out.push(`shipshape_webhook_review_duration_seconds_bucket{le="+Inf"} ${this.latencyCount}`);
    out.push(`shipshape_webhook_review_duration_seconds_sum ${this.latencySum}`);
    out.push(`shipshape_webhook_review_duration_seconds_count ${this.latencyCount}`);
    out.push("# HELP shipshape_webhook_uptime_seconds Seconds since the webhook started.");
    out.push("# TYPE shipshape_webhook_uptime_seconds gauge");
    out.push(`shipshape_webhook_uptime_seconds ${(Date.now() - this.started) / 1000}`);
    return `${out.join("\n")}\n`;
  }
}

function sorted(m: Map<string, number>): [string, number][] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function escape(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
