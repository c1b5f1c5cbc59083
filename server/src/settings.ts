// The server's view of the tickmark.* settings, with defaults for clients that send none.
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface Settings {
  checksEnabled: boolean;
  severity: SeverityName;
  maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: Settings = { checksEnabled: true, severity: 'warning', maxDocumentSize: 20_000_000 };

/** Reads the `tickmark` section as VS Code sends it; anything malformed falls back to defaults. */
export function readSettings(section: unknown): Settings {
  const s = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const checks = (s.checks && typeof s.checks === 'object' ? s.checks : {}) as Record<string, unknown>;
  const severity = ['error', 'warning', 'information', 'hint'].includes(checks.severity as string) ? (checks.severity as SeverityName) : DEFAULT_SETTINGS.severity;
  const max = typeof s.maxDocumentSize === 'number' && s.maxDocumentSize >= 0 ? s.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize;
  return { checksEnabled: checks.enabled !== false, severity, maxDocumentSize: max };
}
