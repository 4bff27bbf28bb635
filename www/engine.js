// The page's handle on the engine: the documented function API of
// ./lib/budget-lint.js (WAVE2-API.md), re-exported, and the first page's
// Engine class on top of it, kept so that older callers work unchanged.
import { init, rules, validate } from './lib/budget-lint.js';

export * from './lib/budget-lint.js';

export class Engine {
  constructor() {
    this.ready = init();
  }

  /** @returns {Promise<{result: object, ms: number}>} the report and engine time */
  async validate(text, options = {}) {
    let ms = 0;
    const result = await validate(text, {
      ...options,
      onProgress: (p) => {
        if (p.stage === 'done') ms = p.ms;
        options.onProgress?.(p);
      },
    });
    return { result, ms };
  }

  async rules() {
    return { result: await rules(), ms: 0 };
  }
}
