import { startFakeSms } from './fake-sms';

/**
 * `npm run fake-sms [-- --port N]`: the loopback Tencent Cloud SMS the tests use, kept running so
 * a local server sends its texts here (signature checked, per-number quotas enforced) instead of
 * to phones. Port: --port, else FAKE_SMS_PORT, else 9200 (0 = any free port).
 */
function portFromArgs(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? (process.env.FAKE_SMS_PORT ?? '9200') : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const sms = await startFakeSms({ port: portFromArgs(process.argv.slice(2)) });
  const env = Object.entries(sms.env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  process.stdout.write(
    [
      `Fake Tencent Cloud SMS (stand-in for sms.tencentcloudapi.com) on ${sms.url}`,
      '',
      'Run the server against it (another terminal):',
      `  ${env} npm run serve`,
      '',
      'The texts it accepted (all, or one number):',
      `  curl -s '${sms.url}/fake/messages'`,
      `  curl -s '${sms.url}/fake/messages?phone=%2B8613800000000'`,
      '',
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  const stop = () => void sms.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
