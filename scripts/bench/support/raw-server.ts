import { createServer } from 'node:http';

/**
 * The baseline of `bench:api`: a bare `node:http` server answering every request as `/healthz`
 * does (`200 {"status":"ok"}`), on 127.0.0.1:$PORT. It prints `listening <port>` once ready.
 */
const body = Buffer.from(JSON.stringify({ status: 'ok' }));
const server = createServer((_req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
