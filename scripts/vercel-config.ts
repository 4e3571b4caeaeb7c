import fs from 'node:fs';
import path from 'node:path';
import { buildVercelConfig } from '../functions/_lib/vercel-config';

// npm run vercel:config — rewrites vercel.json from the route files (a test checks it is current)
fs.writeFileSync(path.resolve(__dirname, '../vercel.json'), JSON.stringify(buildVercelConfig(), null, 2) + '\n');
console.log('vercel.json written');
