// The TextMate grammar (syntaxes/financial-release.tmLanguage.json) as VS Code runs it: loaded with
// vscode-textmate on the real Oniguruma (vscode-oniguruma's wasm), tokenizing real lines of real
// filings. Each assertion names an exact token and its exact scopes, so a changed pattern fails here.
// The lines are copied from the fixtures (test/fixtures), and a test checks they still are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

import { CORPUS, EXAMPLE as ATG, ROOT } from '../support/corpus';

const GRAMMAR = path.join(ROOT, 'syntaxes/financial-release.tmLanguage.json');
const LANGUAGE_CONFIGURATION = path.join(ROOT, 'language-configuration.json');
const WASM = path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm');
const SCOPE = 'text.financial-release';

// Scope names, without the ".financial-release" suffix every scope of the grammar carries.
const FIGURE = 'constant.numeric.figure';
const NEGATIVE = 'constant.numeric.negative';
const PERCENTAGE = 'constant.numeric.percentage';
const SCALED = 'constant.numeric.amount.scaled';
const CURRENCY = 'punctuation.definition.currency';
const PERCENT_UNIT = 'keyword.other.unit.percent';
const SCALE_UNIT = 'keyword.other.unit.scale';
const NEG_BEGIN = 'punctuation.definition.negative.begin';
const NEG_END = 'punctuation.definition.negative.end';
const NIL = 'constant.language.nil';
const DATE = 'constant.other.date';
const SCALE = 'string.other.scale';
const TITLE = 'markup.heading.statement';
const TITLE_TEXT = 'entity.name.section.statement';
const HEADING = 'markup.heading';
const HEADING_TEXT = 'entity.name.section';
const RULE = 'meta.separator.rule.single';
const DOUBLE_RULE = 'meta.separator.rule.double';
const TAG = 'meta.tag.sgml';
const TAG_BEGIN = 'punctuation.definition.tag.begin';
const TAG_END = 'punctuation.definition.tag.end';
const TAG_NAME = 'entity.name.tag';
const TAG_VALUE = 'string.unquoted.tag-value';

/** The real lines used below, with the fixture each comes from. */
const LINES = {
  atgDate: ['atg', 'the third quarter ended September 30, 2003. Total revenues for the'],
  atgMillion: ['atg', 'third quarter of 2003 were $16.0 million, compared with total revenues'],
  atgHighlightsTitle: ['atg', 'THIRD-QUARTER FINANCIAL HIGHLIGHTS'],
  atgSept: ['atg', '                               Sept. 30, Sept. 30, Sept. 30, Sept. 30,'],
  atgHeading: ['atg', '    THIRD-QUARTER HIGHLIGHTS'],
  atgBullet: ['atg', '    --  Earned repeat business from existing customers such as AT&T'],
  atgProse: ['atg', 'forward-looking statements. These statements involve known and unknown'],
  atgTitle: ['atg', '            Condensed Consolidated Statements of Operations'],
  atgScale: ['atg', '                 (In thousands, except per share data)'],
  atgServices: ['atg', '  Services                     4,598      8,119     15,391     25,941'],
  atgGrossProfit: ['atg', '  Gross profit  %                 68%        62%        70%        62%'],
  atgRestructuring: ['atg', '   expense/(benefit)               -          -     (5,273)       (89)'],
  atgTaxes: ['atg', 'Provision for income taxes         -          -          -          -'],
  atgNetIncome: ['atg', 'Net income/(loss)            $(3,195)   $(3,057)      $101    $(8,657)'],
  atgPerShare: ['atg', ' share                        $(0.04)    $(0.04)     $0.00     $(0.12)'],
  atgPhone: ['atg', '             Ed Terino, 617-386-1005'],
  adpPemBegin: ['adp_10q_0001005477-98-001550.txt', '-----BEGIN PRIVACY-ENHANCED MESSAGE-----'],
  adpPemProc: ['adp_10q_0001005477-98-001550.txt', 'Proc-Type: 2001,MIC-CLEAR'],
  adpSecDocument: ['adp_10q_0001005477-98-001550.txt', '<SEC-DOCUMENT>0001005477-98-001550.txt : 19980528'],
  adpSecHeader: ['adp_10q_0001005477-98-001550.txt', '<SEC-HEADER>0001005477-98-001550.hdr.sgml : 19980528'],
  adpAccession: ['adp_10q_0001005477-98-001550.txt', 'ACCESSION NUMBER:\t\t0001005477-98-001550'],
  adpSecHeaderEnd: ['adp_10q_0001005477-98-001550.txt', '</SEC-HEADER>'],
  adpDocument: ['adp_10q_0001005477-98-001550.txt', '<DOCUMENT>'],
  adpType: ['adp_10q_0001005477-98-001550.txt', '<TYPE>10-Q'],
  adpPemRule: ['adp_10q_0001005477-98-001550.txt', '- - --------------------------------------------------------------------------------'],
  adpFootnote: ['adp_10q_0001005477-98-001550.txt', 'Indicate by check mark whether the Registrant (1) has filed all annual,'],
  adpPhone: ['adp_10q_0001005477-98-001550.txt', "Registrant's Telephone Number, Including Area Code (973) 994-5000"],
  adpRule: ['adp_10q_0001005477-98-001550.txt', '                              ----------------------  ----------------------'],
  adpRevenue: ['adp_10q_0001005477-98-001550.txt', 'Revenue                       $1,309,329  $1,126,284  $3,495,853  $3,032,589'],
  adpDoubleRule: ['adp_10q_0001005477-98-001550.txt', '                              ==========  ==========  ==========  =========='],
  adpNetEarnings: ['adp_10q_0001005477-98-001550.txt', 'NET EARNINGS                  $  190,600  $  164,930  $  443,400  $  385,790'],
  adpDollarsIn: ['adp_10q_0001005477-98-001550.txt', '                                  ($ in millions)'],
  aamesPemRule: [
    'aames_8k_0001011438-98-000429.txt',
    '- ----------------------------------------------------------------------------------------------------------------------------------',
  ],
  amazonType: ['amazon_8k_0000891020-00-000141.txt', '<TYPE>EX-99.1'],
  amazonNetLoss: [
    'amazon_8k_0000891020-00-000141.txt',
    'Net loss                                                                 $  (323,213)   $   (46,427)   $  (719,968)   $  (124,546)',
  ],
  amazonScale: ['amazon_8k_0000891020-00-000141.txt', '                      (IN THOUSANDS, EXCEPT PER SHARE DATA)'],
  appleTitle: ['apple_10q_0000320193-98-000003.txt', '         CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)'],
  appleScale: ['apple_10q_0000320193-98-000003.txt', '                (Dollars in millions, except per share amounts)'],
  appleTable: ['apple_10q_0000320193-98-000003.txt', '<TABLE>'],
  appleCaption: ['apple_10q_0000320193-98-000003.txt', '<CAPTION>\t'],
  appleColumns: ['apple_10q_0000320193-98-000003.txt', '<S>                                              <C>                        <C>'],
  appleDashZero: ['apple_10q_0000320193-98-000003.txt', 'Provision (benefit) for income taxes              --                         --'],
  appleNetIncome: ['apple_10q_0000320193-98-000003.txt', 'Net income (loss)                          $      47                  $   (120)'],
  appleTableEnd: ['apple_10q_0000320193-98-000003.txt', '</TABLE>'],
  appleSlashDate: ['apple_10k_0000320193-94-000016.txt', '10/15/93 Salary             $165,000'],
  appleImsDocument: ['apple_10k_0000320193-94-000016.txt', '<IMS-DOCUMENT>0000320193-94-000016.txt : 19941214'],
  emcFootnotes: ['emc_10k_0000790070-94-000005.txt', '<FN>'],
  intelPercent: ['intel_8k_0000050863-00-000106.txt', 'second quarter revenue of $8.3 billion, a new quarterly record, up 23 percent'],
  amazonStatementOf: ['amazon_8k_0000891020-98-001352.txt', '      accordance with Statement of Financial Accounting Standards No. 86.'],
} as const satisfies Record<string, readonly [string, string]>;

type LineName = keyof typeof LINES;
const line = (name: LineName): string => LINES[name][1];

interface Token {
  text: string;
  /** Scopes below the root, without the ".financial-release" suffix. */
  scopes: string[];
}

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = readFileSync(WASM);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE ? vsctm.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  const loaded = await registry.loadGrammar(SCOPE);
  assert.ok(loaded, 'grammar loads');
  grammar = loaded;
});

/** Tokenizes consecutive lines, carrying the rule stack from one line to the next as the editor does. */
function tokenizeLines(lines: readonly string[]): Token[][] {
  let state = vsctm.INITIAL;
  return lines.map((text) => {
    const result = grammar.tokenizeLine(text, state);
    assert.equal(result.stoppedEarly, false);
    state = result.ruleStack;
    return result.tokens.map((token) => {
      assert.equal(token.scopes[0], SCOPE);
      return {
        text: text.slice(token.startIndex, token.endIndex),
        scopes: token.scopes.slice(1).map((scope) => {
          assert.ok(scope.endsWith('.financial-release'), `scope ${scope} ends with the language suffix`);
          return scope.slice(0, -'.financial-release'.length);
        }),
      };
    });
  });
}

const tokenize = (text: string): Token[] => tokenizeLines([text])[0];

/** Scopes of the `occurrence`-th token (0-based) whose text is exactly `text`. */
function scopesOf(tokens: Token[], text: string, occurrence = 0): string[] {
  const found = tokens.filter((token) => token.text === text);
  assert.ok(found.length > occurrence, `no token ${JSON.stringify(text)} #${occurrence} in ${JSON.stringify(tokens)}`);
  return found[occurrence].scopes;
}

/** All tokens carrying `scope`, as text. */
const textsWith = (tokens: Token[], scope: string): string[] =>
  tokens.filter((token) => token.scopes.includes(scope)).map((token) => token.text);

describe('financial-release grammar', () => {
  test('the lines used here are real lines of the fixtures', () => {
    const files = new Map<string, string[]>();
    for (const [name, [file, text]] of Object.entries(LINES)) {
      const fixture = file === 'atg' ? ATG : path.join(CORPUS, file);
      if (!files.has(fixture)) files.set(fixture, readFileSync(fixture, 'utf8').split(/\r?\n/));
      assert.ok(files.get(fixture)?.includes(text), `${name} is a line of ${file}`);
    }
  });

  test('positive figures are constant.numeric.figure; row labels are left alone', () => {
    const tokens = tokenize(line('atgServices'));
    assert.deepEqual(tokens[0], { text: '  Services                     ', scopes: [] });
    for (const figure of ['4,598', '8,119', '15,391', '25,941']) assert.deepEqual(scopesOf(tokens, figure), [FIGURE]);
    assert.deepEqual(textsWith(tokens, FIGURE), ['4,598', '8,119', '15,391', '25,941']);

    const revenue = tokenize(line('adpRevenue'));
    assert.deepEqual(scopesOf(revenue, '$'), [FIGURE, CURRENCY]);
    assert.deepEqual(scopesOf(revenue, '1,309,329'), [FIGURE]);
    assert.deepEqual(textsWith(revenue, FIGURE), ['$', '1,309,329', '$', '1,126,284', '$', '3,495,853', '$', '3,032,589']);
  });

  test('negative figures get a scope of their own, apart from positive ones', () => {
    const tokens = tokenize(line('atgNetIncome'));
    assert.deepEqual(scopesOf(tokens, '$', 0), [NEGATIVE, CURRENCY]);
    assert.deepEqual(scopesOf(tokens, '('), [NEGATIVE, NEG_BEGIN]);
    assert.deepEqual(scopesOf(tokens, '3,195'), [NEGATIVE]);
    assert.deepEqual(scopesOf(tokens, ')'), [NEGATIVE, NEG_END]);
    assert.deepEqual(scopesOf(tokens, '3,057'), [NEGATIVE]);
    assert.deepEqual(scopesOf(tokens, '$', 2), [FIGURE, CURRENCY]);
    assert.deepEqual(scopesOf(tokens, '101'), [FIGURE]);
    assert.deepEqual(scopesOf(tokens, '8,657'), [NEGATIVE]);
    assert.notDeepEqual(scopesOf(tokens, '3,195'), scopesOf(tokens, '101'));
    // "Net income/(loss)" is a label, not a negative
    assert.deepEqual(textsWith(tokens, NEGATIVE).join(''), '$(3,195)$(3,057)$(8,657)');

    const perShare = tokenize(line('atgPerShare'));
    assert.deepEqual(scopesOf(perShare, '0.04'), [NEGATIVE]);
    assert.deepEqual(scopesOf(perShare, '0.00'), [FIGURE]);
    assert.deepEqual(scopesOf(perShare, '0.12'), [NEGATIVE]);
  });

  test('negatives with the dollar sign apart, inside or outside the parentheses, and with a minus sign', () => {
    // "$" padded away from its parenthesised figure (Amazon 2000)
    const amazon = tokenize(line('amazonNetLoss'));
    assert.deepEqual(scopesOf(amazon, '$'), [NEGATIVE, CURRENCY]);
    assert.deepEqual(scopesOf(amazon, '  '), [NEGATIVE]);
    assert.deepEqual(scopesOf(amazon, '323,213'), [NEGATIVE]);
    assert.deepEqual(textsWith(amazon, NEGATIVE).join(''), '$  (323,213)$   (46,427)$  (719,968)$  (124,546)');

    // "($   39.0)", the corpus README's example of a padded "$" inside the parentheses
    const padded = tokenize('Net loss                             ($   39.0)    ($   12.5)');
    assert.deepEqual(scopesOf(padded, '('), [NEGATIVE, NEG_BEGIN]);
    assert.deepEqual(scopesOf(padded, '$'), [NEGATIVE, CURRENCY]);
    // the padding belongs to the figure: it lies between the parentheses
    assert.deepEqual(scopesOf(padded, '   39.0'), [NEGATIVE]);
    assert.deepEqual(scopesOf(padded, '   12.5'), [NEGATIVE]);
    assert.deepEqual(textsWith(padded, NEGATIVE).join(''), '($   39.0)($   12.5)');

    const minus = tokenize('Change in deferred revenue       -1,234       -56.7%');
    assert.deepEqual(scopesOf(minus, '-'), [NEGATIVE, 'punctuation.definition.negative.sign']);
    assert.deepEqual(scopesOf(minus, '1,234'), [NEGATIVE]);
    assert.deepEqual(scopesOf(minus, '56.7'), [NEGATIVE]);
    assert.deepEqual(scopesOf(minus, '%'), [NEGATIVE, PERCENT_UNIT]);
  });

  test('percentages, with "%" or the word', () => {
    const tokens = tokenize(line('atgGrossProfit'));
    assert.deepEqual(scopesOf(tokens, '68'), [PERCENTAGE]);
    assert.deepEqual(scopesOf(tokens, '%', 0), [PERCENTAGE, PERCENT_UNIT]);
    assert.deepEqual(textsWith(tokens, PERCENTAGE).join(''), '68%62%70%62%');
    // the "%" in the row label stands alone: not a figure
    assert.deepEqual(tokens[0], { text: '  Gross profit  %                 ', scopes: [] });

    const intel = tokenize(line('intelPercent'));
    assert.deepEqual(scopesOf(intel, '23 '), [PERCENTAGE]);
    assert.deepEqual(scopesOf(intel, 'percent'), [PERCENTAGE, PERCENT_UNIT]);
  });

  test('amounts with a scale word in prose: "$16.0 million", "$8.3 billion"', () => {
    const atg = tokenize(line('atgMillion'));
    assert.deepEqual(scopesOf(atg, '$'), [SCALED, CURRENCY]);
    assert.deepEqual(scopesOf(atg, '16.0 '), [SCALED]);
    assert.deepEqual(scopesOf(atg, 'million'), [SCALED, SCALE_UNIT]);
    assert.deepEqual(scopesOf(atg, '2003'), [FIGURE]);

    const intel = tokenize(line('intelPercent'));
    assert.deepEqual(scopesOf(intel, '8.3 '), [SCALED]);
    assert.deepEqual(scopesOf(intel, 'billion'), [SCALED, SCALE_UNIT]);
  });

  test('dates: "September 30, 2003", "Sept. 30", "10/15/93"', () => {
    assert.deepEqual(scopesOf(tokenize(line('atgDate')), 'September 30, 2003'), [DATE]);
    const header = tokenize(line('atgSept'));
    assert.deepEqual(textsWith(header, DATE), ['Sept. 30', 'Sept. 30', 'Sept. 30', 'Sept. 30']);
    assert.deepEqual(scopesOf(header, ', '), []);
    const slash = tokenize(line('appleSlashDate'));
    assert.deepEqual(scopesOf(slash, '10/15/93'), [DATE]);
    assert.deepEqual(scopesOf(slash, '165,000'), [FIGURE]);
  });

  test('EDGAR SGML tags, opening and closing, any letter case', () => {
    const document = tokenize(line('adpSecDocument'));
    assert.deepEqual(document.slice(0, 4), [
      { text: '<', scopes: [TAG, TAG_BEGIN] },
      { text: 'SEC-DOCUMENT', scopes: [TAG, TAG_NAME] },
      { text: '>', scopes: [TAG, TAG_END] },
      { text: '0001005477-98-001550.txt : 19980528', scopes: [TAG_VALUE] },
    ]);
    assert.deepEqual(tokenize(line('amazonType')), [
      { text: '<', scopes: [TAG, TAG_BEGIN] },
      { text: 'TYPE', scopes: [TAG, TAG_NAME] },
      { text: '>', scopes: [TAG, TAG_END] },
      { text: 'EX-99.1', scopes: [TAG_VALUE] },
    ]);
    assert.deepEqual(scopesOf(tokenize(line('appleImsDocument')), 'IMS-DOCUMENT'), [TAG, TAG_NAME]);
    for (const name of ['appleTable', 'emcFootnotes', 'adpDocument'] as const) {
      const tokens = tokenize(line(name));
      assert.equal(tokens.length, 3, name);
      assert.deepEqual(tokens[1].scopes, [TAG, TAG_NAME], name);
    }
    assert.deepEqual(tokenize(line('appleTableEnd')), [
      { text: '</', scopes: [TAG, TAG_BEGIN] },
      { text: 'TABLE', scopes: [TAG, TAG_NAME] },
      { text: '>', scopes: [TAG, TAG_END] },
    ]);
    assert.deepEqual(scopesOf(tokenize(line('appleCaption')), 'CAPTION'), [TAG, TAG_NAME]);
    assert.deepEqual(textsWith(tokenize(line('appleColumns')), TAG_NAME), ['S', 'C', 'C']);
    assert.deepEqual(textsWith(tokenize('<page>  </Table> <document> <type>ex-99'), TAG_NAME), ['page', 'Table', 'document', 'type']);
  });

  test('statement titles on their own line are markup.heading', () => {
    const atg = tokenize(line('atgTitle'));
    assert.deepEqual(atg, [
      { text: '            ', scopes: [TITLE] },
      { text: 'Condensed Consolidated Statements of Operations', scopes: [TITLE, TITLE_TEXT] },
    ]);
    assert.deepEqual(tokenize(line('atgHighlightsTitle')), [{ text: 'THIRD-QUARTER FINANCIAL HIGHLIGHTS', scopes: [TITLE, TITLE_TEXT] }]);
    assert.deepEqual(
      scopesOf(tokenize(line('appleTitle')), 'CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)'),
      [TITLE, TITLE_TEXT],
    );
    for (const title of ['CONSOLIDATED BALANCE SHEETS', 'Statements of Cash Flows', 'Financial Highlights']) {
      assert.deepEqual(scopesOf(tokenize(`                    ${title}`), title), [TITLE, TITLE_TEXT], title);
    }
    // prose that mentions statements is not a title
    assert.deepEqual(textsWith(tokenize(line('atgProse')), TITLE), []);
    assert.deepEqual(textsWith(tokenize(line('amazonStatementOf')), TITLE), []);
  });

  test('other headings: short all-caps lines, not an all-caps row label with figures', () => {
    assert.deepEqual(tokenize(line('atgHeading')), [
      { text: '    ', scopes: [HEADING] },
      { text: 'THIRD-QUARTER HIGHLIGHTS', scopes: [HEADING, HEADING_TEXT] },
    ]);
    const row = tokenize(line('adpNetEarnings'));
    assert.deepEqual(row[0], { text: 'NET EARNINGS                  ', scopes: [] });
    // a "$" apart from its figure is part of it, padding included
    assert.deepEqual(row.slice(1, 4), [
      { text: '$', scopes: [FIGURE, CURRENCY] },
      { text: '  190,600', scopes: [FIGURE] },
      { text: '  ', scopes: [] },
    ]);
  });

  test('scale lines are string.other.scale', () => {
    for (const name of ['atgScale', 'appleScale', 'amazonScale', 'adpDollarsIn'] as const) {
      const text = line(name).trim();
      assert.deepEqual(tokenize(line(name)).at(-1), { text, scopes: [SCALE] }, name);
    }
    assert.deepEqual(scopesOf(tokenize('                       (000\'s omitted)'), "(000's omitted)"), [SCALE]);
    assert.deepEqual(scopesOf(tokenize("Amounts are stated in U.S. dollars, 000's omitted"), "000's omitted"), [SCALE]);
    // a statement title keeps its scale in parentheses apart
    assert.deepEqual(textsWith(tokenize('CONSOLIDATED BALANCE SHEETS (In thousands)'), SCALE), ['(In thousands)']);
  });

  test('rules, double rules and PEM-escaped rules are separators', () => {
    const single = tokenize(line('adpRule'));
    assert.deepEqual(textsWith(single, RULE), ['----------------------', '----------------------']);
    assert.deepEqual(scopesOf(single, '----------------------'), [RULE]);
    const double = tokenize(line('adpDoubleRule'));
    assert.deepEqual(textsWith(double, DOUBLE_RULE), ['==========', '==========', '==========', '==========']);
    assert.deepEqual(scopesOf(double, '=========='), [DOUBLE_RULE]);

    for (const [name, escape] of [['adpPemRule', '- - '], ['aamesPemRule', '- ']] as const) {
      const tokens = tokenize(line(name));
      assert.deepEqual(tokens[0], { text: escape, scopes: [RULE, 'constant.character.escape.pem'] }, name);
      assert.deepEqual(tokens[1], { text: line(name).slice(escape.length), scopes: [RULE] }, name);
      assert.equal(tokens.length, 2, name);
    }
  });

  test('a dash standing alone in a figure column is zero; a dash used as a bullet is not', () => {
    const taxes = tokenize(line('atgTaxes'));
    assert.deepEqual(textsWith(taxes, NIL), ['-', '-', '-', '-']);
    assert.deepEqual(scopesOf(taxes, '-', 3), [NIL]);
    const restructuring = tokenize(line('atgRestructuring'));
    assert.deepEqual(textsWith(restructuring, NIL), ['-', '-']);
    assert.deepEqual(scopesOf(restructuring, '5,273'), [NEGATIVE]);
    assert.deepEqual(scopesOf(restructuring, '89'), [NEGATIVE]);
    assert.deepEqual(textsWith(tokenize(line('appleDashZero')), NIL), ['--', '--']);
    assert.deepEqual(textsWith(tokenize('Minority interest                 —            —'), NIL), ['—', '—']);
    assert.deepEqual(textsWith(tokenize(line('atgBullet')), NIL), []);
    assert.deepEqual(tokenize(line('appleNetIncome')).filter((t) => t.scopes.length > 0).map((t) => t.text).join('|'), '$|      47|$|   |(|120|)');
  });

  test('the SEC header and the PEM wrapper are regions over several lines', () => {
    const [pem, proc, blank, secDocument, secHeader, accession, headerEnd, documentTag, type] = tokenizeLines([
      line('adpPemBegin'),
      line('adpPemProc'),
      '',
      line('adpSecDocument'),
      line('adpSecHeader'),
      line('adpAccession'),
      line('adpSecHeaderEnd'),
      line('adpDocument'),
      line('adpType'),
    ]);
    assert.deepEqual(pem, [{ text: line('adpPemBegin'), scopes: ['comment.block.pem'] }]);
    assert.deepEqual(proc, [{ text: line('adpPemProc'), scopes: ['comment.block.pem'] }]);
    assert.deepEqual(blank.flatMap((token) => token.scopes), []);
    assert.deepEqual(scopesOf(secDocument, 'SEC-DOCUMENT'), [TAG, TAG_NAME]);
    assert.deepEqual(scopesOf(secHeader, 'SEC-HEADER'), ['meta.header.sec', TAG, TAG_NAME]);
    assert.deepEqual(accession, [
      { text: 'ACCESSION NUMBER', scopes: ['meta.header.sec', 'entity.other.attribute-name.field'] },
      { text: ':', scopes: ['meta.header.sec', 'punctuation.separator.key-value'] },
      { text: '\t\t', scopes: ['meta.header.sec'] },
      { text: '0001005477-98-001550', scopes: ['meta.header.sec', 'string.unquoted.field-value'] },
    ]);
    assert.deepEqual(scopesOf(headerEnd, '</'), ['meta.header.sec', TAG, TAG_BEGIN]);
    assert.deepEqual(scopesOf(documentTag, 'DOCUMENT'), [TAG, TAG_NAME]);
    assert.deepEqual(scopesOf(type, '10-Q'), [TAG_VALUE]);
  });

  test('telephone numbers and note markers are not negative figures', () => {
    assert.deepEqual(scopesOf(tokenize(line('adpPhone')), '(973) 994-5000'), ['constant.other.phone-number']);
    assert.deepEqual(scopesOf(tokenize(line('atgPhone')), '617-386-1005'), ['constant.other.phone-number']);
    const footnote = tokenize(line('adpFootnote'));
    assert.deepEqual(scopesOf(footnote, '(1)'), ['constant.other.reference.footnote']);
    assert.deepEqual(textsWith(footnote, NEGATIVE), []);
  });

  test('the whole ATG release: its statement titles, scale lines and no stray negative', () => {
    const text = readFileSync(ATG, 'utf8').split(/\r?\n/);
    const tokens = tokenizeLines(text).flat();
    assert.deepEqual(textsWith(tokens, TITLE_TEXT), [
      'THIRD-QUARTER FINANCIAL HIGHLIGHTS',
      'Condensed Consolidated Statements of Operations',
      'Condensed Consolidated Balance Sheets',
    ]);
    assert.deepEqual(textsWith(tokens, SCALE), [
      '(In millions, except per share data, and percentages)',
      '(In thousands, except per share data)',
      '(In thousands)',
    ]);
    // the negatives are exactly the parenthesised amounts of the text; "(loss)" or "(GAAP)" is none of them
    const parenthesised = readFileSync(ATG, 'utf8').match(/\$?\(\$?[0-9][0-9.,]*\)/g) ?? [];
    assert.equal(parenthesised.length, 28);
    assert.deepEqual(textsWith(tokens, NEGATIVE).join(''), parenthesised.join(''));
  });

  describe('speed: linear on very long lines', () => {
    function time(text: string): { ms: number; tokens: Token[] } {
      const started = process.hrtime.bigint();
      const result = grammar.tokenizeLine(text, vsctm.INITIAL);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.equal(result.stoppedEarly, false);
      return {
        ms,
        tokens: result.tokens.slice(0, 3).map((token) => ({ text: text.slice(token.startIndex, token.endIndex), scopes: token.scopes.slice(1) })),
      };
    }

    test('a 2,000,000-character line of digits and spaces', () => {
      // digit runs of 1 to 200 digits, one to three blanks apart: long runs would expose a
      // backtracking figure pattern, and the blanks make tens of thousands of figures.
      let text = '';
      for (let i = 0; text.length < 2_000_000; i++) text += '7304918265'.repeat(20).slice(0, 1 + ((i * 37) % 200)) + ' '.repeat(1 + (i % 3));
      text = text.slice(0, 2_000_000);
      assert.equal(text.length, 2_000_000);
      const { ms, tokens } = time(text);
      assert.deepEqual(tokens[0], { text: '7', scopes: [`${FIGURE}.financial-release`] });
      assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);

      const digits = time('1234567890'.repeat(200_000));
      assert.deepEqual(digits.tokens[0].scopes, [`${FIGURE}.financial-release`]);
      assert.ok(digits.ms < 1000, `took ${digits.ms.toFixed(0)} ms`);
    });

    test('200,000-character lines of near misses', () => {
      for (const unit of ['- ', '(', '(1,2. ', '$ ', 'ABC DEF ', '<a ', 'Sept. ', '1,', '--  ', '.. ', '1'.repeat(999) + 'x']) {
        const text = unit.repeat(Math.ceil(200_000 / unit.length)).slice(0, 200_000);
        const { ms } = time(text);
        assert.ok(ms < 1000, `${JSON.stringify(unit)} took ${ms.toFixed(0)} ms`);
      }
    });
  });
});

describe('language configuration', () => {
  const configuration = JSON.parse(readFileSync(LANGUAGE_CONFIGURATION, 'utf8')) as {
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    folding: { markers: { start: string; end: string } };
    wordPattern: string;
  };

  test('brackets and auto-closing pairs', () => {
    assert.deepEqual(configuration.brackets, [
      ['(', ')'],
      ['[', ']'],
    ]);
    assert.deepEqual(
      configuration.autoClosingPairs.map((pair) => pair.open + pair.close),
      ['()', '""'],
    );
  });

  test('a figure is one word: "$(3,195)", "1,234.56", "68%"', () => {
    // VS Code compiles the word pattern with the "g" flag (and "u" where it can)
    for (const flags of ['g', 'gu']) {
      const words = (text: string): string[] => text.match(new RegExp(configuration.wordPattern, flags)) ?? [];
      assert.deepEqual(words(line('atgNetIncome')), ['Net', 'income', 'loss', '$(3,195)', '$(3,057)', '$101', '$(8,657)']);
      assert.deepEqual(words(line('atgGrossProfit')), ['Gross', 'profit', '68%', '62%', '70%', '62%']);
      assert.deepEqual(words('Total   1,234.56   -1,234   ($   39.0)   (5.2%)   .64'), ['Total', '1,234.56', '-1,234', '($   39.0)', '(5.2%)', '.64']);
      assert.deepEqual(words('Sept. 30, 2003 (GAAP) T-Mobile'), ['Sept', '30', '2003', 'GAAP', 'T', 'Mobile']);
    }
  });

  test('folding markers: <TABLE> and <DOCUMENT> blocks, any case', () => {
    const start = new RegExp(configuration.folding.markers.start);
    const end = new RegExp(configuration.folding.markers.end);
    for (const text of ['<TABLE>', '<table>', '<DOCUMENT>', '<Document>', '<SEC-DOCUMENT>0001005477-98-001550.txt : 19980528', '<TABLE WIDTH="100%">'])
      assert.match(text, start);
    for (const text of ['</TABLE>', '</table>', '</DOCUMENT>', '</document>', '</SEC-DOCUMENT>']) assert.match(text, end);
    for (const text of ['<TYPE>EX-99.1', '<TEXT>', '<DOCUMENT-COUNT>2', '</TABLE>', 'TABLE']) assert.doesNotMatch(text, start);
    for (const text of ['<TABLE>', '</TEXT>', '</PAGE>']) assert.doesNotMatch(text, end);
  });
});
