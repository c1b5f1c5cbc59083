import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { reported } from '../core/rules';
import type { Settings } from '../settings';
import { toRange } from '../convert';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function provideDiagnostics({ source, model }: Analysis, uri: string, settings: Settings): Diagnostic[] {
  const notes: Diagnostic[] = model.notes.map((message) => ({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'tickmark',
    code: 'not-analysed',
    message,
  }));
  if (!settings.checksEnabled) return [];
  return notes.concat(
    reported(model.findings, settings.disabledRules).map((finding) => ({
      range: toRange(source, finding.span),
      severity: finding.severity === 'warning' ? SEVERITY[settings.severity] : DiagnosticSeverity.Information,
      source: 'tickmark',
      code: finding.rule,
      message: finding.message,
      data: finding.suggestion !== undefined ? { suggestion: finding.suggestion } : undefined,
      relatedInformation: finding.related.map((r) => ({ location: { uri, range: toRange(source, r.span) }, message: r.message })),
    })),
  );
}
