// Numbers written the way a filing prints them: thousands separators, parentheses for negatives.

export function formatNumber(value: number, decimals = 0): string {
  const abs = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return value < 0 ? `(${abs})` : abs;
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
