import { ModelperfError } from '../errors.js';
import type { Kernels } from './binary-clf-curve.js';
import { jsKernels } from './js/js-kernels.js';
import { loadTfjs, loadTfjsGpu } from './tfjs/load-tfjs.js';
import { createTfjsKernels } from './tfjs/tfjs-kernels.js';

/** The backends a user can ask for. */
export const BACKEND_CHOICES = ['auto', 'js', 'tfjs'] as const;
/** A backend request: `auto` picks `tfjs` only when a GPU runtime loads, else `js`. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/**
 * Resolves a backend request to kernels.
 * @param choice - `auto`, `js` or `tfjs`
 * @returns the kernels to run
 * @throws ModelperfError `invalid_argument` for an unknown choice, `backend_unavailable` when tfjs cannot load
 * @example
 * ```ts
 * const kernels = await selectKernels('auto'); console.log(kernels.name, kernels.device);
 * ```
 */
export async function selectKernels(choice: BackendChoice = 'auto'): Promise<Kernels> {
  switch (choice) {
    case 'js':
      return jsKernels;
    case 'tfjs':
      return createTfjsKernels(await loadTfjs());
    case 'auto': {
      const gpu = await loadTfjsGpu();
      return gpu !== undefined ? createTfjsKernels(gpu) : jsKernels;
    }
    default:
      throw new ModelperfError('invalid_argument', `Unknown backend "${String(choice)}"; expected one of: ${BACKEND_CHOICES.join(', ')}.`);
  }
}
