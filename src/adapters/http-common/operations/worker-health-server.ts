import { createServer, type Server } from 'node:http';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { readiness, type ReadinessCheck } from './readiness.js';

export interface WorkerHealthDeps {
  readonly app: string;
  readonly checks: readonly ReadinessCheck[];
  /** Jobs waiting in the worker's queue. */
  readonly queueDepth: () => Promise<number>;
}

/** A worker's `/healthz`, `/readyz` and `/metrics` (with the queue depth), on its HEALTH_PORT. */
export function workerHealthServer(deps: WorkerHealthDeps): Server {
  const registry = new Registry();
  registry.setDefaultLabels({ app: deps.app });
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'hotsox_queue_depth',
    help: "Jobs waiting in this worker's queue",
    registers: [registry],
    async collect() {
      this.set(await deps.queueDepth().catch(() => -1));
    },
  });
  return createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(405, 'text/plain', 'Method not allowed');
    if (path === '/healthz') return send(200, 'application/json', JSON.stringify({ status: 'ok' }));
    if (path === '/readyz') {
      void readiness(deps.checks).then((report) =>
        send(report.status, 'application/json', JSON.stringify(report.body)),
      );
      return;
    }
    if (path === '/metrics') {
      void registry.metrics().then((text) => send(200, registry.contentType, text));
      return;
    }
    send(404, 'text/plain', 'Not found');
  });
}
