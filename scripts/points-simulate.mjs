// npm run points:simulate -- [steps] [seed] — a longer run of the seeded points simulation
// (tests/integration/points-simulation.test.ts). Uses DATABASE_URL's server if set.
import { spawnSync } from 'node:child_process';

const [steps = '20000', seed = String(Date.now() % 1e9)] = process.argv.slice(2);
console.log(`points simulation: ${steps} steps, seed ${seed}`);
const r = spawnSync('npx', ['jest', '--selectProjects', 'db', '--testPathPatterns', 'points-simulation'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    SIM_STEPS: steps,
    SIM_SEED: seed,
    TEST_DB: process.env.DATABASE_URL ? 'server' : 'pglite',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
  },
});
process.exit(r.status ?? 1);
