import { startFakeWechat } from './fake-wechat';
import { LEGAL_VERSION } from '../../shared/domain/privacy';

/**
 * `npm run fake-wechat [-- --port N]`: the loopback WeChat the tests use, kept running so a local
 * server can sign people in, send subscribe messages and 公众号 template messages and make 小程序码
 * without WeChat's servers.
 * Port: --port, else FAKE_WECHAT_PORT, else 9100 (0 = any free port).
 */
function portFromArgs(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? (process.env.FAKE_WECHAT_PORT ?? '9100') : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const wx = await startFakeWechat({ port: portFromArgs(process.argv.slice(2)) });
  // the 公众号's 服务器配置 as a local server has it (FAKE_OA_PUSH_URL to point elsewhere)
  const oaToken = 'fake-oa-token';
  const pushUrl = process.env.FAKE_OA_PUSH_URL ?? 'http://localhost:3000/api/wechat/oa-push';
  wx.oa.setPush(pushUrl, oaToken);
  const env = `WECHAT_API_BASE=${wx.url} WECHAT_APP_ID=${wx.appId} WECHAT_APP_SECRET=${wx.appSecret}`;
  const oaEnv = `WECHAT_OA_APP_ID=${wx.oa.appId} WECHAT_OA_APP_SECRET=${wx.oa.appSecret} WECHAT_OA_TOKEN=${oaToken}`;
  process.stdout.write(
    [
      `Fake WeChat (stand-in for api.weixin.qq.com) on ${wx.url}`,
      '',
      'Run the server against it (another terminal):',
      `  ${env} npm run serve`,
      'with the 公众号 channel too (template messages to staff who follow it):',
      `  ${env} ${oaEnv} npm run serve`,
      '',
      'A one-time login code for a fake user (what Taro.login gives a phone), then sign in with it:',
      `  curl -s '${wx.url}/fake/login-code?user=alice'`,
      `  curl -s -X POST http://localhost:3000/api/auth/wechat-login -H 'content-type: application/json' -d '{"code":"<code>","consentVersion":"${LEGAL_VERSION}"}'`,
      '',
      `That user follows the 公众号 (the subscribe push goes to ${pushUrl}), and the template messages sent so far:`,
      `  curl -s '${wx.url}/fake/oa-follow?user=alice'`,
      `  curl -s '${wx.url}/fake/oa-sent'`,
      '',
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  const stop = () => void wx.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
