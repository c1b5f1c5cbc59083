// Cheap test on the head of a plain-text document: does it look like an EDGAR filing, an
// earnings release or a set of financial statements? Used by the client to switch languages.
const ENVELOPE = /^(<SEC-DOCUMENT>|<SEC-HEADER>|<DOCUMENT>|<SUBMISSION>|<IMS-DOCUMENT>|-----BEGIN PRIVACY-ENHANCED MESSAGE-----)/m;
const STATEMENT = /\b(statements? of (operations|income|earnings|cash flows)|balance sheets?|financial highlights|results of operations)\b/i;
const SCALE = /\((dollars |amounts )?in (thousands|millions|billions)\b|000'?s omitted/i;
const RELEASE = /\b(announces?|reports?|reported)\b[^\n]{0,80}\b(results|earnings|revenues?|quarter)\b/i;
const FIGURE_ROW = /^\S[^\n]*?\s{2,}\$?\(?\d[\d,]*(\.\d+)?\)?\s{2,}\$?\(?\d[\d,]*(\.\d+)?\)?\s*$/m;

export function looksLikeFinancialRelease(head: string): boolean {
  if (ENVELOPE.test(head)) return true;
  let score = 0;
  if (STATEMENT.test(head)) score++;
  if (SCALE.test(head)) score++;
  if (RELEASE.test(head)) score++;
  if (FIGURE_ROW.test(head)) score++;
  return score >= 2;
}
