// What the JupyterLab and Notebook 7 suites share: the browser, a reporter, running a notebook from the menu
// and the checks of what a reader sees after it ran (every code cell ran, no error, every chart drawn).
// Both front ends are JupyterLab applications, so the DOM below is the same in both.
import { chromium } from 'playwright-core';

/** Debian's Chromium, headless, with the flags that work on these machines (no network of its own). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Counts checks; each prints one line, `ok` or `FAIL`, so the log reads as the list of what was checked. A
 * self-test's report (`expected: true`) prints its failures as `fail`, indented: they are what it looks for.
 */
export class Report {
  constructor(suite, { expected = false } = {}) {
    this.suite = suite; this.passed = 0; this.failed = []; this.t0 = Date.now();
    this.prefix = expected ? `    ${suite} ` : '';
    this.failWord = expected ? 'fail' : 'FAIL';
  }
  check(ok, what, detail = '') {
    console.log(`${this.prefix}${ok ? 'ok  ' : this.failWord} ${what}${detail ? ` (${detail})` : ''}`);
    if (ok) this.passed++; else this.failed.push(what);
    return ok;
  }
  /** Runs one part of the suite; an exception fails that part and the suite goes on with the next. */
  async part(name, fn) {
    const t0 = Date.now();
    console.log(`--- ${name}`);
    try { await fn(); } catch (e) { this.check(false, `${name}: ${e.message.split('\n')[0]}`); }
    console.log(`    (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  finish() {
    const s = ((Date.now() - this.t0) / 1000).toFixed(0);
    console.log(`${this.suite}: ${this.passed} checks passed, ${this.failed.length} failed (${s} s)`);
    if (this.failed.length) console.log(`failed: ${this.failed.join('; ')}`);
    return this.failed.length === 0 ? 0 : 1;
  }
}

/** The notebook panel on show (JupyterLab keeps other documents' panels in the DOM, hidden). */
export const panelOf = page => page.locator('.jp-NotebookPanel:not(.lm-mod-hidden)');

/** The kernel status the front end shows for the notebook on show: 'idle', 'busy', 'starting', ... */
export const kernelStatus = page => page.evaluate(() => {
  const panel = window.jupyterapp.shell.currentWidget;
  return panel?.sessionContext?.kernelDisplayStatus ?? 'no notebook';
});

/** Waits until the notebook on show has its kernel (`Java`) and that kernel is idle. */
export async function waitForIdleKernel(page, timeout = 120_000) {
  await page.waitForFunction(() => {
    const ctx = window.jupyterapp?.shell.currentWidget?.sessionContext;
    return ctx?.kernelDisplayName === 'Java' && ctx.kernelDisplayStatus === 'idle';
  }, null, { timeout, polling: 200 });
}

const exactly = text => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * Opens the menu bar's `top` menu and clicks through `items` (a submenu's label, then an item of it, ...), as a
 * reader would. Each label is matched exactly, in the menu that opened last.
 */
export async function menu(page, top, ...items) {
  const timeout = 10_000;
  await page.locator('.lm-MenuBar-item', { hasText: exactly(top) }).click({ timeout });
  for (const item of items) {
    const label = page.locator('.lm-Menu-itemLabel', { hasText: exactly(item) });
    await page.locator('.lm-Menu').last().locator('.lm-Menu-item', { has: label }).click({ timeout });
  }
}

/** The prompts of the code cells: '[3]:' ran, '[*]:' running or queued, '[ ]:' not run. */
export const prompts = page => panelOf(page).locator('.jp-CodeCell .jp-InputPrompt').allTextContents()
  .then(all => all.map(p => p.trim()));

/**
 * Run > Run All Cells, then waits until no cell is running or queued and the kernel is idle.
 * @returns seconds the run took
 */
export async function runAllFromMenu(page, timeout) {
  const t0 = Date.now();
  await menu(page, 'Run', 'Run All Cells');
  await page.waitForFunction(() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    const running = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(p => p.textContent.includes('*'));
    return !running && window.jupyterapp.shell.currentWidget.sessionContext.kernelDisplayStatus === 'idle';
  }, null, { timeout, polling: 500 });
  return (Date.now() - t0) / 1000;
}

/**
 * Errors the notebook's cells show: one line per error output, with the cell's number. Read from the outputs
 * the front end renders (an error and a stderr stream look alike in the DOM, so the kind comes from the model).
 */
export const errorsShown = page => page.evaluate(() => {
  const cells = window.jupyterapp.shell.currentWidget.content.widgets;
  const found = [];
  cells.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    cell.model.outputs.toJSON().forEach(o => {
      if (o.output_type === 'error') found.push(`cell ${i + 1}: ${o.ename}: ${String(o.evalue).slice(0, 200)}`);
    });
  });
  return found;
});

/** The text of every stream and plain-text output on show, in order. */
export const outputText = page => panelOf(page).locator('.jp-OutputArea-output').allTextContents()
  .then(all => all.join('\n'));

const DRAWING = 'path, line, polyline, polygon, rect, circle, ellipse, text, image, use';

/**
 * Every chart output of the notebook on show, each scrolled into view as a reader would see it, with what is
 * drawn: its box on the page, the drawing elements its SVG holds, and the share of its pixels (in a screenshot
 * of that box) that differ from its background colour. JupyterLab shows image/svg+xml as an <img> of the SVG;
 * an SVG inside an HTML output is measured as it is.
 */
export async function charts(page, screenshotDir = null, prefix = 'chart') {
  const outputs = panelOf(page).locator(
    '.jp-OutputArea-output[data-mime-type="image/svg+xml"], .jp-OutputArea-output[data-mime-type="text/html"] svg');
  const n = await outputs.count();
  const found = [];
  for (let i = 0; i < n; i++) {
    const output = outputs.nth(i);
    await output.scrollIntoViewIfNeeded();
    const shape = await output.evaluate(async (node, drawing) => {
      const img = node.tagName.toLowerCase() === 'svg' ? null : node.querySelector('img');
      let svg = node.tagName.toLowerCase() === 'svg' ? node : null;
      if (img) {
        if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; });
        const text = decodeURIComponent(img.src.replace(/^data:image\/svg\+xml,/, ''));
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        svg = doc.querySelector('parsererror') ? null : doc.documentElement;
      }
      const box = (img || node).getBoundingClientRect();
      return {
        width: box.width, height: box.height,
        loaded: img ? img.naturalWidth > 0 && img.naturalHeight > 0 : true,
        drawing: svg ? svg.querySelectorAll(drawing).length : 0,
      };
    }, DRAWING);
    const target = output.locator('img').or(output).first();
    const png = await target.screenshot(screenshotDir ? { path: `${screenshotDir}/${prefix}-${i + 1}.png` } : {});
    found.push({ ...shape, ...(await inkOf(page, png)) });
  }
  return found;
}

/** A chart is drawn: a box with area, drawing elements, and pixels other than its background. */
export const chartProblem = c =>
  !(c.width > 0 && c.height > 0) ? `its box is ${c.width}x${c.height}`
  : !c.loaded ? 'its image did not load'
  : c.drawing === 0 ? 'its SVG has no drawing elements'
  : c.ink < 0.005 ? `only ${(c.ink * 100).toFixed(2)}% of its pixels differ from its background`
  : null;

/**
 * Reads a PNG screenshot's pixels (decoded by the browser, in a page of its own): the background is the most
 * common colour; ink is the share of pixels that differ from it clearly; luminance is the background's (0-1).
 */
export async function inkOf(page, png) {
  const helper = await page.context().newPage();
  try {
    return await helper.evaluate(async b64 => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width; canvas.height = img.height;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, img.width, img.height).data;
      const counts = new Map();
      for (let i = 0; i < px.length; i += 4) {
        const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      let bg = 0, most = -1;
      for (const [key, c] of counts) if (c > most) { bg = key; most = c; }
      const [r, gr, b] = [bg >> 16, (bg >> 8) & 255, bg & 255];
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - gr) + Math.abs(px[i + 2] - b) > 60) ink++;
      }
      return { ink: ink / (px.length / 4), background: (0.2126 * r + 0.7152 * gr + 0.0722 * b) / 255,
               pixels: px.length / 4 };
    }, png.toString('base64'));
  } finally {
    await helper.close();
  }
}

/**
 * Opens a notebook, runs it all from the menu and checks what a reader sees: every code cell ran, no cell shows
 * an error, every chart is drawn, and (if given) the outputs contain `expect`. Saves a screenshot of each chart
 * and of the notebook's top.
 * @returns the charts found
 */
export async function checkNotebook(page, report, { url, name, shots, timeout = 600_000, expect = null }) {
  await page.goto(url);
  await panelOf(page).locator('.jp-Cell').first().waitFor({ timeout: 60_000 });
  await waitForIdleKernel(page);
  const seconds = await runAllFromMenu(page, timeout);
  const p = await prompts(page);
  const ran = p.filter(x => /^\[\d+\]:$/.test(x)).length;
  report.check(ran === p.length && p.length > 0, `${name}: every code cell ran from Run All`,
               `${ran}/${p.length} in ${seconds.toFixed(1)} s`);
  const errors = await errorsShown(page);
  report.check(errors.length === 0, `${name}: no cell shows an error`, errors.join(' | '));
  if (expect) report.check(expect.test(await outputText(page)), `${name}: the outputs show ${expect}`);
  const found = await charts(page, shots, name);
  found.forEach((c, i) => {
    const problem = chartProblem(c);
    report.check(!problem, `${name}: chart ${i + 1} of ${found.length} is drawn`,
                 problem || `${Math.round(c.width)}x${Math.round(c.height)} px, ${c.drawing} drawing elements, ` +
                 `${(c.ink * 100).toFixed(1)}% ink`);
  });
  return found;
}
