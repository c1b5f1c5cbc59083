// What a person does in the VS Code web workbench, as Playwright steps (selectors checked on 1.100.3).
// Every step waits for something on the page, with a timeout that says what did not show up.

/** Opens the workbench and waits until the Explorer lists the workspace's files. */
export async function openWorkbench(page, url, timeout = 60_000) {
  await page.goto(url);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
}

/** Clicks a file in the Explorer and waits for its editor tab to be active. */
export async function openFile(page, name, timeout = 30_000) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout });
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout });
  await page.locator('.editor-instance .view-lines').first().waitFor({ timeout });
}

/** Runs a command from the palette (F1), by its label as the palette shows it. */
export async function runCommand(page, label, timeout = 15_000) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/** Moves the cursor to a 1-based line (quick open ":line"), which scrolls it into view. */
export async function goToLine(page, line, timeout = 15_000) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout });
}

// Centre of the first occurrence of `text` in the rendered editor lines (a span may hold a whole line).
function locateText(text) {
  for (const span of document.querySelectorAll('.editor-instance .view-lines .view-line span span')) {
    const node = span.firstChild;
    const at = node?.nodeType === Node.TEXT_NODE ? node.textContent.indexOf(text) : -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const box = range.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  return null;
}

/**
 * Hovers `text` in the editor and returns the hover's text once it contains `expect`. The language
 * server may still be starting, so the mouse leaves and comes back until then.
 */
export async function hoverText(page, text, expect, timeout = 45_000) {
  const deadline = Date.now() + timeout;
  let seen = '';
  while (Date.now() < deadline) {
    const point = await page.evaluate(locateText, text);
    if (!point) throw new Error(`"${text}" is not on screen in the editor`);
    await page.mouse.move(point.x, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const hover = page.locator('.monaco-hover-content', { hasText: expect }).first();
    try {
      await hover.waitFor({ state: 'visible', timeout: 3000 }); // one try; the loop gives the whole timeout
      return await hover.innerText();
    } catch {
      seen = (await page.locator('.monaco-hover-content').allInnerTexts().catch(() => [])).join(' | ');
    }
  }
  throw new Error(`no hover mentioning "${expect}" over "${text}" within ${timeout / 1000}s${seen ? `; saw: ${seen}` : ''}`);
}

/** Rows of a list (Problems, Outline) once one contains `expect`; all row texts on timeout. */
export async function listRows(page, selector, expect, timeout = 30_000) {
  try {
    await page.locator(selector, { hasText: expect }).first().waitFor({ timeout });
  } catch {
    const rows = await page.locator(selector).allInnerTexts();
    throw new Error(`no row with "${expect}" in ${selector} within ${timeout / 1000}s; rows: ${rows.join(' | ') || '(none)'}`);
  }
  return page.locator(selector).allInnerTexts();
}

/**
 * Every row of a focused tree (Outline), read page by page: the list is virtual and renders only what
 * fits. Stops once `enough(rows)` holds or PageDown no longer moves the focus (the end of the list).
 */
export async function scrollListRows(page, container, enough, timeout = 30_000) {
  const rows = new Set();
  const focusedId = (selector) => document.querySelector(selector)?.id ?? null;
  const focusedSelector = `${container} .monaco-list-row.focused`;
  await page.locator(`${container} .monaco-list-row`).first().waitFor({ timeout });
  await page.keyboard.press('Home');
  // A list still being filled (the outline arrives after the document is analysed) may drop the
  // keyboard focus: when PageDown moves nothing, the list is focused again and read again, and
  // only a few such stalls in a row with nothing new read mean its end.
  let stalls = 0;
  for (const deadline = Date.now() + timeout; Date.now() < deadline && stalls < 3;) {
    const known = rows.size;
    for (const text of await page.locator(`${container} .monaco-list-row`).allInnerTexts()) rows.add(text.replace(/\s+/g, ' ').trim());
    if (enough([...rows])) break;
    const before = await page.evaluate(focusedId, focusedSelector);
    await page.keyboard.press('PageDown');
    const moved = await page.waitForFunction(([f, selector, id]) => new Function(`return (${f})`)()(selector) !== id,
      [focusedId.toString(), focusedSelector, before], { timeout: 2000 }).then(() => true, () => false);
    if (moved) {
      stalls = 0;
      continue;
    }
    stalls = rows.size > known ? 0 : stalls + 1;
    await page.locator(`${container} .monaco-list-row`).last().click();
  }
  return [...rows];
}
