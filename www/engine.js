// The page's first handle on the engine, kept so that app.js works
// unchanged while it moves to ./lib/budget-lint.js (the documented API).
import { init, rules, validate } from './lib/budget-lint.js';

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
