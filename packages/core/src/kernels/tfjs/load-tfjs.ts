import type * as Tf from '@tensorflow/tfjs-core';
import { ModelperfError } from '../../errors.js';

/** A loaded TensorFlow.js runtime and where it runs. */
export interface LoadedTfjs {
  readonly tf: typeof Tf;
  /** `gpu` (tfjs-node-gpu), `cpu-native` (tfjs-node) or `cpu` (the pure-JS cpu backend). */
  readonly device: 'gpu' | 'cpu-native' | 'cpu';
  /** The package that provided it. */
  readonly package: string;
}

// Module names are held in variables so bundlers leave these optional imports alone.
const TFJS_NODE_GPU = '@tensorflow/tfjs-node-gpu';
const TFJS_NODE = '@tensorflow/tfjs-node';
const TFJS_CORE = '@tensorflow/tfjs-core';
const TFJS_CPU = '@tensorflow/tfjs-backend-cpu';

let gpuAttempt: Promise<LoadedTfjs | undefined> | undefined;
let anyAttempt: Promise<LoadedTfjs> | undefined;

async function importOptional(name: string): Promise<unknown> {
  try {
    const mod: unknown = await import(name);
    const m = mod as { default?: unknown };
    return m.default !== undefined && typeof m.default === 'object' ? { ...m.default, ...mod as object } : mod;
  } catch {
    return undefined;
  }
}

/**
 * Loads `@tensorflow/tfjs-node-gpu` when it is installed and works, once per process.
 * @returns the GPU runtime, or undefined when there is none
 * @example
 * ```ts
 * const gpu = await loadTfjsGpu(); if (gpu) console.log('CUDA available');
 * ```
 */
export function loadTfjsGpu(): Promise<LoadedTfjs | undefined> {
  gpuAttempt ??= (async () => {
    const tf = (await importOptional(TFJS_NODE_GPU)) as typeof Tf | undefined;
    if (tf === undefined || typeof tf.tensor1d !== 'function') return undefined;
    return { tf, device: 'gpu' as const, package: TFJS_NODE_GPU };
  })();
  return gpuAttempt;
}

/**
 * Loads the best TensorFlow.js runtime available: tfjs-node-gpu, else tfjs-node, else tfjs-core with the cpu backend.
 * @returns the runtime
 * @throws ModelperfError `backend_unavailable` when not even the cpu backend can be loaded
 * @example
 * ```ts
 * const { tf, device } = await loadTfjs();
 * ```
 */
export function loadTfjs(): Promise<LoadedTfjs> {
  anyAttempt ??= (async () => {
    const gpu = await loadTfjsGpu();
    if (gpu !== undefined) return gpu;
    const native = (await importOptional(TFJS_NODE)) as typeof Tf | undefined;
    if (native !== undefined && typeof native.tensor1d === 'function') {
      return { tf: native, device: 'cpu-native' as const, package: TFJS_NODE };
    }
    const core = (await importOptional(TFJS_CORE)) as typeof Tf | undefined;
    const cpu = await importOptional(TFJS_CPU);
    if (core === undefined || cpu === undefined || typeof core.tensor1d !== 'function') {
      throw new ModelperfError(
        'backend_unavailable',
        'The tfjs backend needs @tensorflow/tfjs-core and @tensorflow/tfjs-backend-cpu (or tfjs-node); install them or use --backend js.',
      );
    }
    // Production mode silences tfjs's console advice to install tfjs-node; the core library never prints.
    core.enableProdMode();
    await core.setBackend('cpu');
    await core.ready();
    return { tf: core, device: 'cpu' as const, package: `${TFJS_CORE} (cpu backend)` };
  })();
  return anyAttempt;
}
