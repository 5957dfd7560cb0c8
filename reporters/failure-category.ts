/**
 * How a failure is filed: "Assumption differs" (the target follows another reading of the docs than this run's
 * profile) apart from "Contract violation", transport trouble and the rest. One table
 * (failure-categories.json) feeds this and the Allure categories (allurerc.mjs), so both file a failure alike.
 */
import table from './failure-categories.json';

interface CategoryRule {
  name: string;
  message?: string;
  flags?: string;
}

const RULES = (table.categories as CategoryRule[]).map((rule) => ({
  name: rule.name,
  pattern: rule.message === undefined ? undefined : new RegExp(rule.message, rule.flags),
}));

/** The failure categories, in the order they are tried; the last one takes whatever the others did not. */
export const FAILURE_CATEGORIES: readonly string[] = RULES.map((rule) => rule.name);
export const ASSUMPTION_DIFFERS = 'Assumption differs';
export const CONTRACT_VIOLATION = 'Contract violation';
/** Not a message rule: a spec that failed its first attempt and passed a retry proves nothing. */
export const PASSED_ONLY_ON_RETRY = 'Passed only on retry';

export function failureCategory(message: string): string {
  return RULES.find((rule) => !rule.pattern || rule.pattern.test(message))!.name;
}
