// The load generator's worker thread (bench/load.ts): plain JavaScript, no TypeScript loader.
// Keep-alive sockets, one request in flight on each, answers read by Content-Length.
/* global Buffer, performance */
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');

/** The bytes of one request: method, path, headers and body as the job lists them. */
function wire(r, host) {
  const body = r.body ?? '';
  const headers = Object.entries(r.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const length = body || r.method !== 'GET' ? `content-length: ${Buffer.byteLength(body)}\r\n` : '';
  return Buffer.from(`${r.method} ${r.path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n${headers}${length}\r\n${body}`);
}

function runJob(job) {
  const requests = job.requests.map((r) => wire(r, `${job.host}:${job.port}`));
  const end = performance.now() + job.seconds * 1000;
  const started = performance.now();
  const lat = [];
  const statuses = {};
  let errors = 0;
  let firstError;
  let next = 0;
  /** the next request to send, or null when the run is over (time up, or a once-only list used up) */
  const take = () => {
    if (performance.now() >= end) return null;
    if (next >= requests.length && !job.cycle) return null;
    return requests[next++ % requests.length];
  };
  const one = () =>
    new Promise((done, fail) => {
      const sock = net.connect(job.port, job.host);
      sock.setNoDelay(true);
      let buf = Buffer.alloc(0);
      let sent = 0;
      const send = () => {
        const r = take();
        if (!r) return sock.end(() => done());
        sent = performance.now();
        sock.write(r);
      };
      sock.on('connect', send);
      sock.on('error', fail);
      sock.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const sep = buf.indexOf('\r\n\r\n');
          if (sep < 0) return;
          const head = buf.subarray(0, sep).toString('latin1');
          const len = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          if (!len) return fail(new Error(`an answer without Content-Length: ${head.slice(0, 200)}`));
          if (buf.length < sep + 4 + Number(len[1])) return;
          const status = Number(head.slice(9, 12));
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (job.expect ? status !== job.expect : status < 200 || status > 299) {
            errors++;
            firstError ??= `${status} ${buf.subarray(sep + 4, sep + 4 + Math.min(200, Number(len[1]))).toString('utf8')}`;
          }
          lat.push(performance.now() - sent);
          buf = buf.subarray(sep + 4 + Number(len[1]));
          send();
        }
      });
    });
  return Promise.all(Array.from({ length: job.connections }, one)).then(() => {
    const took = (performance.now() - started) / 1000;
    lat.sort((a, b) => a - b);
    return {
      rps: lat.length / took,
      p50: lat[Math.floor(lat.length * 0.5)] ?? NaN,
      p99: lat[Math.floor(lat.length * 0.99)] ?? NaN,
      n: lat.length,
      errors,
      firstError,
      statuses,
      used: next,
    };
  });
}

runJob(workerData).then(
  (r) => parentPort.postMessage(r),
  (e) => parentPort.postMessage({ failed: e instanceof Error ? e.message : String(e) }),
);
