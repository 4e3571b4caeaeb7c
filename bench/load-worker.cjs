// The load generator's worker thread (see bench/load.ts): plain JavaScript, no TypeScript loader.
/* global Buffer, performance */
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');

function runJob(job) {
  const extra = Object.entries(job.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const head = `GET ${job.path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\n${extra}\r\n`;
  const end = Date.now() + job.seconds * 1000;
  const lat = [];
  const statuses = {};
  const one = () =>
    new Promise((done, fail) => {
      const sock = net.connect(job.port, '127.0.0.1');
      sock.setNoDelay(true);
      let buf = Buffer.alloc(0);
      let sent = 0;
      const send = () => {
        if (Date.now() >= end) return sock.end(() => done());
        sent = performance.now();
        sock.write(head);
      };
      sock.on('connect', send);
      sock.on('error', fail);
      sock.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const sep = buf.indexOf('\r\n\r\n');
          if (sep < 0) return;
          const text = buf.subarray(0, sep).toString('latin1');
          const len = Number(/\r\ncontent-length:\s*(\d+)/i.exec(text)?.[1] ?? 0);
          if (buf.length < sep + 4 + len) return;
          const status = text.slice(9, 12);
          statuses[status] = (statuses[status] ?? 0) + 1;
          lat.push(performance.now() - sent);
          buf = buf.subarray(sep + 4 + len);
          send();
        }
      });
    });
  return Promise.all(Array.from({ length: job.connections }, one)).then(() => {
    lat.sort((a, b) => a - b);
    return { rps: lat.length / job.seconds, p50: lat[Math.floor(lat.length * 0.5)] ?? NaN, p99: lat[Math.floor(lat.length * 0.99)] ?? NaN, statuses };
  });
}

runJob(workerData).then((r) => parentPort.postMessage(r));
