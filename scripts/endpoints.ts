import fs from 'node:fs';
import path from 'node:path';
import { renderEndpoints } from '../shared/contracts/render-endpoints';

// npm run contracts:endpoints — rewrites shared/contracts/endpoints.ts from the contracts (a test checks it is current)
fs.writeFileSync(path.resolve(__dirname, '../shared/contracts/endpoints.ts'), renderEndpoints());
console.log('shared/contracts/endpoints.ts written');
