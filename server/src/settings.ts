// The server's view of the tickmark.* settings, with defaults for clients that send none.
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface Settings {
  checksEnabled: boolean;
  severity: SeverityName;
  maxDocumentSize: number;
  /** Rules whose findings are not reported ("tie-prose", "per-share", ...). */
  disabledRules: string[];
}

export const DEFAULT_SETTINGS: Settings = { checksEnabled: true, severity: 'warning', maxDocumentSize: 20_000_000, disabledRules: [] };

/** Reads the `tickmark` section as VS Code sends it; anything malformed falls back to defaults. */
export function readSettings(section: unknown): Settings {
  const s = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const checks = (s.checks && typeof s.checks === 'object' ? s.checks : {}) as Record<string, unknown>;
  const severity = ['error', 'warning', 'information', 'hint'].includes(checks.severity as string) ? (checks.severity as SeverityName) : DEFAULT_SETTINGS.severity;
  const max = typeof s.maxDocumentSize === 'number' && s.maxDocumentSize >= 0 ? s.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize;
  const disabled = Array.isArray(checks.disabledRules) ? checks.disabledRules.filter((r): r is string => typeof r === 'string') : [];
  return { checksEnabled: checks.enabled !== false, severity, maxDocumentSize: max, disabledRules: disabled };
}
