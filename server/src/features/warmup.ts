// A fresh worker reads its first filing with unoptimised code: about three times slower than it
// reads the next one. While it waits for its first document, it reads a made-up release a few
// times (a few milliseconds each, between messages), so the first real filing meets compiled code.

/** A small earnings release in EDGAR's plain-text layout, with figures varied by `seed`. */
export function sampleRelease(seed: number): string {
  const n = (base: number) => ((base * 7_919 * (seed + 1)) % 90_000) + 10_000;
  const f = (value: number) => value.toLocaleString('en-US').padStart(12);
  const revenue = [n(31), n(29)];
  const cost = [n(17), n(13)];
  const gross = revenue.map((r, i) => r - cost[i]);
  const opex = [n(5), n(3)];
  const income = gross.map((g, i) => g - opex[i]);
  const row = (label: string, values: number[]) => `${label.padEnd(44, '.')}${values.map(f).join('')}`;
  return [
    '<DOCUMENT>',
    '<TYPE>EX-99.1',
    '<TEXT>',
    `Revenues for the quarter were $${(revenue[0] / 1000).toFixed(1)} million, compared with $${(revenue[1] / 1000).toFixed(1)} million a year ago.`,
    '',
    '                    CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS',
    '                        (In thousands, except per share data)',
    '<TABLE>',
    '<CAPTION>',
    '                                                 Three Months Ended',
    '                                                    September 30,',
    '                                               ----------------------',
    '                                                   2003        2002',
    '<S>                                             <C>         <C>',
    row('Revenues', revenue),
    row('Cost of revenues', cost),
    '                                                ----------  ----------',
    row('Gross profit', gross),
    'Operating expenses:',
    row('  Research and development', [opex[0] - 1_000, opex[1] - 1_000]),
    row('  Selling, general and administrative', [1_000, 1_000]),
    '                                                ----------  ----------',
    row('    Total operating expenses', opex),
    '                                                ----------  ----------',
    row('Income from operations', income),
    '                                                ==========  ==========',
    row('Net income per share', [1.25, 0.75]),
    '</TABLE>',
    '</TEXT>',
    '</DOCUMENT>',
    '',
  ].join('\n');
}

/** Rounds of reading, and releases per round: enough calls for the hot functions to be compiled. */
const ROUNDS = 30;
const RELEASES_PER_ROUND = 8;

/**
 * Reads made-up releases, one round per turn of the event loop, until `read` says a real job came
 * (the job then waits for one round at most) or the rounds are done.
 */
export function warmUp(read: (text: string) => void, stop: () => boolean, round = 0): void {
  if (round >= ROUNDS || stop()) return;
  const releases: string[] = [];
  for (let i = 0; i < RELEASES_PER_ROUND; i++) releases.push(sampleRelease(round * RELEASES_PER_ROUND + i));
  read(releases.join('\n'));
  setImmediate(() => warmUp(read, stop, round + 1));
}
