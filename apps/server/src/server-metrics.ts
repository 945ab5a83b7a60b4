const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

interface Histogram { counts: number[]; sum: number; count: number }

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * The server's counters, rendered in the Prometheus text exposition format (version 0.0.4).
 *
 * @example
 * ```ts
 * const metrics = new ServerMetrics();
 * metrics.observeRequest('POST', '/v1/evaluate', 200, 0.012);
 * metrics.render({ jobs: { done: 1 }, inFlight: 0 });
 * ```
 */
export class ServerMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private rows = 0;
  private evaluations = 0;

  /**
   * Counts one answered request.
   * @param method - HTTP method
   * @param route - the route pattern (`/v1/jobs/:id`), not the URL, to bound the label values
   * @param status - response status
   * @param seconds - time to answer
   */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hkey = `method="${label(method)}",route="${label(route)}"`;
    let h = this.durations.get(hkey);
    if (h === undefined) {
      h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(hkey, h);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) h.counts[i] += 1;
    h.sum += seconds;
    h.count += 1;
  }

  /**
   * Counts one finished evaluation.
   * @param rows - rows it evaluated
   */
  observeEvaluation(rows: number): void {
    this.rows += rows;
    this.evaluations += 1;
  }

  /**
   * Renders every metric.
   * @param gauges - values read at scrape time: jobs by status, evaluations in flight
   * @returns the Prometheus text
   */
  render(gauges: { jobs: Record<string, number>; inFlight: number }): string {
    const out: string[] = [];
    out.push('# HELP modelperf_http_requests_total HTTP requests answered, by method, route and status.');
    out.push('# TYPE modelperf_http_requests_total counter');
    for (const [key, n] of this.requests) out.push(`modelperf_http_requests_total{${key}} ${n}`);
    out.push('# HELP modelperf_http_request_duration_seconds Time to answer a request.');
    out.push('# TYPE modelperf_http_request_duration_seconds histogram');
    for (const [key, h] of this.durations) {
      BUCKETS.forEach((b, i) => out.push(`modelperf_http_request_duration_seconds_bucket{${key},le="${b}"} ${h.counts[i]}`));
      out.push(`modelperf_http_request_duration_seconds_bucket{${key},le="+Inf"} ${h.count}`);
      out.push(`modelperf_http_request_duration_seconds_sum{${key}} ${h.sum}`);
      out.push(`modelperf_http_request_duration_seconds_count{${key}} ${h.count}`);
    }
    out.push('# HELP modelperf_rows_evaluated_total Rows evaluated (requests and jobs).');
    out.push('# TYPE modelperf_rows_evaluated_total counter');
    out.push(`modelperf_rows_evaluated_total ${this.rows}`);
    out.push('# HELP modelperf_evaluations_total Evaluations finished (requests and jobs).');
    out.push('# TYPE modelperf_evaluations_total counter');
    out.push(`modelperf_evaluations_total ${this.evaluations}`);
    out.push('# HELP modelperf_evaluations_in_flight Evaluation requests running now.');
    out.push('# TYPE modelperf_evaluations_in_flight gauge');
    out.push(`modelperf_evaluations_in_flight ${gauges.inFlight}`);
    out.push('# HELP modelperf_jobs Jobs known to the server, by status.');
    out.push('# TYPE modelperf_jobs gauge');
    for (const [status, n] of Object.entries(gauges.jobs)) out.push(`modelperf_jobs{status="${status}"} ${n}`);
    const mem = process.memoryUsage();
    out.push('# HELP process_resident_memory_bytes Resident memory size in bytes.');
    out.push('# TYPE process_resident_memory_bytes gauge');
    out.push(`process_resident_memory_bytes ${mem.rss}`);
    out.push('# HELP nodejs_heap_used_bytes V8 heap used in bytes.');
    out.push('# TYPE nodejs_heap_used_bytes gauge');
    out.push(`nodejs_heap_used_bytes ${mem.heapUsed}`);
    out.push('# HELP nodejs_external_memory_bytes Memory of buffers and typed arrays outside the V8 heap.');
    out.push('# TYPE nodejs_external_memory_bytes gauge');
    out.push(`nodejs_external_memory_bytes ${mem.external + mem.arrayBuffers}`);
    return out.join('\n') + '\n';
  }
}
