// The npm package's entry: everything of the engine (budget_lint.d.ts), with
// `rules()` returning each rule's documentation too.
import type { RuleDoc } from './budget_lint.js';

export * from './budget_lint.js';
export { default } from './budget_lint.js';

/** The rule catalogue, each rule with its Chinese documentation (检查什么 / 为什么重要 / 示例). */
export function rules(): RuleDoc[];
