import { openFromEnv } from '../db/cli/open-from-env';
import { reconcilePoints } from '../functions/services/points/reconcile-points';

// npm run points:reconcile — recompute balances and leaderboards from the ledger and report
// differences (exit 1 if any). Reads DATABASE_URL, or the embedded database in .data/pglite.
async function main() {
  const h = await openFromEnv();
  const r = await reconcilePoints(h.db);
  await h.close();
  console.log(`balances: ${r.balances.length} differences; leaderboard totals: ${r.totals.length}; redemptions: ${r.redemptions.length}`);
  for (const d of [...r.balances, ...r.totals, ...r.redemptions].slice(0, 50)) console.log('  ', JSON.stringify(d));
  process.exit(r.ok ? 0 : 1);
}
main().catch((e) => {
  console.error(e);
  process.exit(2);
});
