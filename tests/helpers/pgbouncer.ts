import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type TPgBouncer = { url: string; pid: number; stop: () => Promise<void> };

export const PGBOUNCER_BIN = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, child: ChildProcess, log: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`pgbouncer exited (${child.exitCode}):\n${readTail(log)}`));
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > until) reject(new Error(`pgbouncer did not listen on ${port} in ${timeoutMs} ms:\n${readTail(log)}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '(no log)';
  }
}

/**
 * PgBouncer in transaction mode in front of the server in `upstreamUrl`, on a free port, as a
 * child process: every database name is passed through (the `*` fallback), so tests that make
 * their own database reach it too. Authentication is the server's (trust on loopback here);
 * PgBouncer itself trusts the users it lists.
 */
export async function startPgBouncer(upstreamUrl: string, opts: { poolSize?: number; maxClients?: number } = {}): Promise<TPgBouncer> {
  if (!fs.existsSync(PGBOUNCER_BIN)) throw new Error(`${PGBOUNCER_BIN} not found: apt-get install -y pgbouncer (or set PGBOUNCER_BIN)`);
  const up = new URL(upstreamUrl);
  const user = decodeURIComponent(up.username || 'postgres');
  const password = decodeURIComponent(up.password);
  const dbname = up.pathname.slice(1);
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xyj-pgbouncer-'));
  const log = path.join(dir, 'pgbouncer.log');
  const conn = [`host=${up.hostname}`, `port=${up.port || 5432}`, `user=${user}`, password ? `password=${password}` : ''].filter(Boolean).join(' ');
  const runAsRoot = process.getuid?.() === 0;
  fs.writeFileSync(path.join(dir, 'users.txt'), `"${user}" "${password}"\n`);
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = ${conn}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `admin_users = ${user}`, // tests read SHOW POOLS from the console database "pgbouncer"
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${opts.poolSize ?? 20}`,
      `max_client_conn = ${opts.maxClients ?? 400}`,
      // a test that ends a server connection on purpose (db-faults) must not stall the next one
      'server_login_retry = 1',
      `logfile = ${log}`,
      'log_connections = 0',
      'log_disconnections = 0',
      // PgBouncer refuses to run as root; it drops to this user after reading its files
      ...(runAsRoot ? ['user = postgres'] : []),
      '',
    ].join('\n'),
  );
  if (runAsRoot) spawnSync('chown', ['-R', 'postgres', dir]);
  const child = spawn(PGBOUNCER_BIN, [path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  // a killed test run never reaches its teardown: this watchdog ends PgBouncer when its parent is gone
  spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 1; done; kill ${child.pid} 2>/dev/null`], {
    stdio: 'ignore',
    detached: true,
  }).unref();
  await waitForPort(port, child, log);
  const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  return {
    url: `postgres://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@127.0.0.1:${port}/${dbname}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM'); // immediate shutdown: the tests are over
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
