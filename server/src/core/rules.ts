// Every kind of finding the checks raise, by the name diagnostics, the command line and SARIF use.
import { RULE_CASH_TIE } from './cashTie';
import { RULE_CROSS_FOOTING } from './crossFooting';
import { RULE_TIE } from './crossTies';
import { RULE_FOOTING } from './findings';
import { RULE_BALANCE } from './identities';
import { RULE_PER_SHARE } from './perShare';
import { RULE_PERCENTAGE } from './percentages';
import { RULE_PROSE_TIE } from './proseTies';

export const RULES: readonly string[] = [RULE_FOOTING, RULE_CROSS_FOOTING, RULE_BALANCE, RULE_PERCENTAGE, RULE_PER_SHARE, RULE_TIE, RULE_CASH_TIE, RULE_PROSE_TIE];

/** The findings a reader asked for: every rule but the ones named (the editor's setting, --disable). */
export function reported<F extends { rule: string }>(findings: F[], disabledRules: readonly string[]): F[] {
  if (disabledRules.length === 0) return findings;
  const disabled = new Set(disabledRules);
  return findings.filter((f) => !disabled.has(f.rule));
}
