// A code lens over each total that does not foot: the figure the components add up to, so the
// preparer sees the correction without opening the Problems panel.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { reported } from '../core/rules';
import type { Settings } from '../settings';
import { toRange } from '../convert';

export function provideCodeLenses({ source, model }: Analysis, settings: Settings): CodeLens[] {
  if (!settings.checksEnabled) return [];
  return reported(model.findings, settings.disabledRules)
    .filter((finding) => finding.suggestion !== undefined)
    .map((finding) => ({
      range: toRange(source, finding.span),
      command: { title: `Tickmark: components add up to ${finding.suggestion}`, command: '' },
    }));
}
