/**
 * `node dist/functions/start.js` (`npm run serve:built`): runs the prebuilt host, `server.js`,
 * with V8's code cache — what Node 22 does with NODE_COMPILE_CACHE, by hand for Node 20.
 * Compiling the 1.2 MB bundle was the largest item of a start's profile; with the cache V8 reads
 * the functions a start runs already compiled. The first start writes `server.js.cache` a
 * second after it begins (by then it has answered, and compiled what answering takes); a later
 * start uses it, and a cache V8 rejects (another node version, a rebuilt bundle) is written
 * again. Without a writable folder it runs exactly as `node server.js`.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const file = path.join(__dirname, 'server.js');
const cacheFile = `${file}.cache`;
const source = fs.readFileSync(file, 'utf8');
let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined; // the first start
}
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData,
  // server.js has no import() (its build turns them into require: Node 20 drops this hook in
  // functions read from the cache); kept so a freshly compiled one would still work
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
// said in the host's "listening" log line: used, rejected (compiled afresh) or none (the first start)
(globalThis as { xyjCodeCache?: string }).xyjCodeCache = script.cachedDataRejected === false ? 'used' : cachedData ? 'rejected' : 'none';
const mod = new Module(file, module);
mod.filename = file;
mod.paths = (Module as unknown as { _nodeModulePaths: (dir: string) => string[] })._nodeModulePaths(__dirname);
const run = script.runInThisContext() as (...args: unknown[]) => void;
run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname);

if (script.cachedDataRejected !== false)
  setTimeout(() => {
    try {
      // written aside and renamed: a process starting meanwhile reads the old file or the new, never half
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // a read-only install runs without the cache
    }
  }, 1000).unref();
