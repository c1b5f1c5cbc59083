// Plural to singular, enough to match line items across tables and text ("Revenues" and
// "revenue", "Services" and "services", "liabilities" and "liability", "losses" and "loss").
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}
