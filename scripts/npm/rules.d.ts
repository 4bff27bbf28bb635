// Generated beside rules.js by scripts/build-web.sh.
import type { RuleDoc } from './budget_lint.js';

/** Every rule with its documentation, as `budget-lint rules --format json` prints it. */
declare const catalogue: RuleDoc[];
export default catalogue;
