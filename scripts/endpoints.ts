import fs from 'node:fs';
import path from 'node:path';
import { renderEndpoints } from '../shared/contracts/render-endpoints';

// npm run contracts:endpoints — rewrites shared/contracts/endpoints/ from the contracts (a test checks it is current)
const dir = path.resolve(__dirname, '../shared/contracts/endpoints');
const files = renderEndpoints();
fs.mkdirSync(dir, { recursive: true });
for (const f of fs.readdirSync(dir)) if (!(f in files)) fs.rmSync(path.join(dir, f));
for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
console.log(`shared/contracts/endpoints/: ${Object.keys(files).length} files written`);
