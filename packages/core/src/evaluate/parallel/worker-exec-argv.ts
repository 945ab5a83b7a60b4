/**
 * The Node options of this package's worker threads: the parent's, and, where Node can `require()` ES modules, that
 * switched off in the worker. piscina loads its task module with `require()` first (falling back to `import()`); on
 * Node 20.20 that `require()` of the ES worker module aborted the whole process about once in a hundred two-thread
 * runs on the 2-core VM (`FATAL ERROR: v8::Module::IsGraphAsync ... must be used on an instantiated module`, from
 * `importSyncForRequire`: a race in Node's synchronous ES module loading). Without `require(esm)` piscina takes its
 * `import()` path, the ordinary asynchronous loader; no dependency of the worker needs `require(esm)` (they support
 * Node versions without it).
 *
 * @returns `execArgv` for `new Piscina({ execArgv })`
 * @example
 * ```ts
 * new Piscina({ filename, execArgv: workerExecArgv() });
 * ```
 */
export function workerExecArgv(): string[] {
  const flag = '--no-experimental-require-module';
  const canRequireEsm = (process.features as { require_module?: boolean }).require_module === true;
  return canRequireEsm && process.allowedNodeEnvironmentFlags.has(flag) ? [...process.execArgv, flag] : [...process.execArgv];
}
