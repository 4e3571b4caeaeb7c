import { openFromEnv } from '../db/cli/open-from-env';
import { env, oaEnabled } from '../functions/runtime/env';
import { syncOaFollowers } from '../functions/services/oa/sync-oa-followers';

// npm run oa:sync — lists every follower of the 公众号 (user/get + user/info/batchget) and records
// them, linking staff who followed before the 服务器配置 URL was set. The daily timer does the
// same; run this once after configuring the 公众号. Reads the same environment as the server.
async function main() {
  const e = env();
  if (!oaEnabled(e)) {
    console.error('the 公众号 is not configured: set WECHAT_OA_APP_ID and WECHAT_OA_APP_SECRET');
    process.exit(1);
  }
  const h = await openFromEnv();
  const r = await syncOaFollowers({ db: h.db, env: e, now: () => new Date() });
  await h.close();
  console.log(`公众号 followers: ${r.followers} following (${r.linked} with a unionid), ${r.left} marked as having left`);
}
main().catch((e) => {
  console.error(e);
  process.exit(2);
});
