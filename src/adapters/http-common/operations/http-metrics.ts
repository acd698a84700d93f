import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one app: request latencies by route and status, plus process metrics. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  /** `route` is the route pattern (`/api/v1/socks/:sockId`), never the raw URL, to bound cardinality. */
  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  /** Adds the live chat's figures (`hotsox_chat_open_sockets`, `hotsox_chat_events_pushed_total`). */
  observeChat(chat: { openSockets(): number; pushed(): number }): void {
    new Gauge({
      name: 'hotsox_chat_open_sockets',
      help: 'Chat WebSockets open on this instance',
      registers: [this.registry],
      collect() {
        this.set(chat.openSockets());
      },
    });
    new Counter({
      name: 'hotsox_chat_events_pushed_total',
      help: 'Chat events (messages, read receipts, ends) pushed to sockets on this instance',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(chat.pushed());
      },
    });
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
