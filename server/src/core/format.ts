// Numbers written the way a filing prints them: thousands separators, parentheses for negatives.

export function formatNumber(value: number, decimals = 0): string {
  const abs = groupThousands(Math.abs(value).toFixed(Math.max(0, Math.min(decimals, 20))));
  return value < 0 && Number(abs.replace(/,/g, '')) !== 0 ? `(${abs})` : abs;
}

/** "4598000.5" → "4,598,000.5" without Intl: runtimes built with small ICU drop the separators. */
function groupThousands(text: string): string {
  const [integer, fraction] = text.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "$4,598 thousand = $4,598,000" style: the printed value and its value in units. */
export function formatScaled(value: number, decimals: number, factor: number, word: string, currency: boolean): string {
  const sign = currency ? '$' : '';
  const printed = `${sign}${formatNumber(value, decimals)}`;
  if (factor === 1 || !word) return printed;
  const units = value * factor;
  const unitDecimals = Math.max(0, decimals - Math.round(Math.log10(factor)));
  return `${printed} ${word} = ${sign}${formatNumber(units, unitDecimals)}`;
}
