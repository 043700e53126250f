// The JupyterLab suite: a reader's session in JupyterLab 4 (served by run.sh on loopback with a token, over a
// temp copy of the notebooks), driven through its menus, toolbar and keyboard in headless Chromium.
//   1. self-test: a deliberately broken notebook (fixtures/broken.ipynb) must fail the checks below
//   2. notebooks: each of a chosen subset (BROWSER_NOTEBOOKS, default 00 05 08 12) is opened and run with
//      Run > Run All Cells; every code cell ran, no cell shows an error, every chart is drawn
//   3. Run All stops at a cell that throws (stop_on_error): the cells after it are not run
//   4. the kernel from the UI: interrupt, Tab completion, Shift+Tab help, clearOutput, a progress bar updated
//      in place, %%python output streaming, restart
//   5. the dark theme: the welcome notebook's chart keeps its own light background
// Screenshots go to SHOTS (build/browser/); lab-welcome.png is the README's.
// Usage: node lab.mjs BASE_URL TOKEN NOTEBOOK_DIR SHOTS
import fs from 'node:fs';
import {
  Report, launchBrowser, panelOf, waitForIdleKernel, menu, checkNotebook, inkOf, runAllFromMenu, prompts,
} from './jupyter-ui.mjs';

const [base, token, dir, shots] = process.argv.slice(2);
const report = new Report('JupyterLab');
const chosen = (process.env.BROWSER_NOTEBOOKS ?? '00 05 08 12').split(/\s+/).filter(Boolean);
// Notebooks whose point includes a chart: a missing chart fails them, not only a blank one.
const WITH_CHARTS = new Set(['00', '05', '07', '08']);
const labUrl = file => `${base}/lab/tree/${encodeURIComponent(file)}?reset&token=${token}`;

/** Cells of the scratch notebook, written through the contents API as a reader would have typed them. */
const KERNEL_UI_CELLS = [
  'int x = 0;',
  'while (true) { x ^= 1; }',
  'System.out.println("ran after the interrupt, x is " + x);',
  '',
  '',
  'System.out.println("soon cleared"); clearOutput(); System.out.println("shown after clearOutput");',
  'try (var bar = org.pyport.display.Progress.bar("steps", 30)) {\n'
      + '    for (int i = 0; i < 30; i++) { Thread.sleep(100); bar.step(); }\n}',
  '%%python\nimport time\nfor i in range(4):\n    print(f"tick {i}", flush=True)\n    time.sleep(0.8)',
  'ProcessHandle.current().pid()',
];

/** A notebook whose second cell throws: Run All must stop there, as with ipykernel. */
const STOP_CELLS = [
  'System.out.println("first cell ran");',
  'throw new IllegalStateException("the second cell fails");',
  'System.out.println("third cell ran");',
];

const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

/** A fresh tab on `file`, closed (and its kernel shut down from the Kernel menu) after `fn`. */
async function inTab(file, fn) {
  const page = await context.newPage();
  try {
    return await fn(page);
  } catch (e) {
    await page.screenshot({ path: `${shots}/lab-failed-${file.replace(/\.ipynb$/, '')}.png` }).catch(() => {});
    throw e;
  } finally {
    await menu(page, 'Kernel', 'Shut Down Kernel').catch(() => {});
    await page.close();
  }
}

try {
  await report.part('self-test: the checks fail a broken notebook', () => inTab('broken.ipynb', async page => {
    const probe = new Report('self-test', { expected: true });
    await checkNotebook(page, probe, { url: labUrl('broken.ipynb'), name: 'broken', shots, timeout: 120_000 });
    const app = await page.evaluate(() => `${window.jupyterapp.name} ${window.jupyterapp.version}`);
    report.check(/^JupyterLab 4\./.test(app), 'the front end is JupyterLab 4', app);
    const failed = new Set(probe.failed);
    report.check(failed.has('broken: no cell shows an error'), 'a cell that throws fails the suite');
    report.check(failed.has('broken: chart 2 of 3 is drawn'), 'an empty SVG (no drawing elements) fails the suite');
    report.check(failed.has('broken: chart 3 of 3 is drawn'), 'an SVG that draws nothing visible fails the suite');
    report.check(!failed.has('broken: chart 1 of 3 is drawn') && probe.passed >= 2,
                 'the drawn chart and the cells that ran pass');
    // out of the file browser (the README's screenshot shows it)
    await fetch(`${base}/api/contents/broken.ipynb`, { method: 'DELETE', headers: { Authorization: `token ${token}` } });
  }));

  const files = fs.readdirSync(dir).filter(f => /^\d\d-.*\.ipynb$/.test(f)).sort();
  for (const prefix of chosen) {
    const file = files.find(f => f.startsWith(`${prefix}-`));
    if (!report.check(!!file, `notebook ${prefix} is in the collection`)) continue;
    const name = file.replace(/\.ipynb$/, '');
    await report.part(`${name}: Run All from the menu`, () => inTab(file, async page => {
      const found = await checkNotebook(page, report, {
        url: labUrl(file), name, shots, expect: prefix === '00' ? /Hello from Java \d+/ : null,
      });
      if (WITH_CHARTS.has(prefix)) report.check(found.length > 0, `${name}: shows its charts`, `${found.length}`);
      if (prefix === '00') await welcomeScreenshots(page, found);
    }));
  }

  await report.part('Run All stops at a cell that throws', () => inTab('stop-on-error.ipynb', runAllStopsAtAnError));
  await report.part('the kernel from the UI', () => inTab('kernel-ui.ipynb', kernelFromTheUi));
} finally {
  await browser.close();
}
process.exit(report.finish());

/**
 * The README's screenshot (the welcome notebook in JupyterLab, its chart in view), then the same chart in the
 * dark theme: the page turns dark and the chart keeps its own light background with its drawing on it.
 */
async function welcomeScreenshots(page, found) {
  const chart = panelOf(page).locator('.jp-OutputArea-output[data-mime-type="image/svg+xml"] img').first();
  if (!report.check(found.length > 0, 'welcome: has a chart to show in the README and the dark theme')) return;
  // the chart's cell at the top of the view, with its code above the chart
  await chart.evaluate(img => img.closest('.jp-Cell').scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${shots}/lab-welcome.png` });
  console.log(`    screenshot: ${shots}/lab-welcome.png`);

  await menu(page, 'Settings', 'Theme', 'JupyterLab Dark');
  await page.waitForFunction(() => document.body.dataset.jpThemeLight === 'false', null, { timeout: 30_000 });
  await page.waitForTimeout(500); // the theme's CSS applied
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${shots}/lab-dark-theme.png` });
  console.log(`    screenshot: ${shots}/lab-dark-theme.png`);
  const box = await chart.boundingBox();
  const around = await inkOf(page, await page.screenshot({ clip: {
    x: box.x, y: Math.max(0, box.y - 40), width: box.width, height: 30 } }));
  const inChart = await inkOf(page, await chart.screenshot());
  report.check(around.background < 0.3, 'dark theme: the notebook around the chart is dark',
               `background luminance ${around.background.toFixed(2)}`);
  report.check(inChart.background > 0.8 && inChart.ink > 0.005, 'dark theme: the chart keeps its light background '
               + 'and its drawing', `luminance ${inChart.background.toFixed(2)}, ${(inChart.ink * 100).toFixed(1)}% ink`);
  await menu(page, 'Settings', 'Theme', 'JupyterLab Light');
  await page.waitForFunction(() => document.body.dataset.jpThemeLight === 'true', null, { timeout: 30_000 });
}

/** Saves a notebook of code cells next to the others through the contents API; returns whether it was saved. */
async function saveScratch(file, sources) {
  const notebook = {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'java', display_name: 'Java', language: 'java' } },
    cells: sources.map(source => ({ cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null })),
  };
  const put = await fetch(`${base}/api/contents/${file}`, {
    method: 'PUT', headers: { Authorization: `token ${token}` },
    body: JSON.stringify({ type: 'notebook', format: 'json', content: notebook }),
  });
  return report.check(put.ok, `a scratch notebook (${file}) is saved next to the others`, `HTTP ${put.status}`);
}

/**
 * Run > Run All Cells on STOP_CELLS: the failing cell shows its error and the cell after it is not run (no
 * execution count, no output), as with ipykernel; run on its own afterwards, that cell runs.
 */
async function runAllStopsAtAnError(page) {
  if (!await saveScratch('stop-on-error.ipynb', STOP_CELLS)) return;
  await page.goto(labUrl('stop-on-error.ipynb'));
  await panelOf(page).locator('.jp-Cell').first().waitFor({ timeout: 60_000 });
  await waitForIdleKernel(page);
  await runAllFromMenu(page, 120_000);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${shots}/lab-stop-on-error.png` });
  console.log(`    screenshot: ${shots}/lab-stop-on-error.png`);
  const cells = () => page.evaluate(() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => ({
    count: c.model.executionCount,
    outputs: c.model.outputs.toJSON().map(o => o.output_type === 'error' ? `error ${o.ename}` : String(o.text ?? '').trim()),
  })));
  const [first, failing, third] = await cells();
  const p = await prompts(page);
  report.check(first.count != null && first.outputs.join() === 'first cell ran', 'stop on error: the first cell ran',
               `${p[0]} ${JSON.stringify(first.outputs)}`);
  report.check(failing.count != null && failing.outputs.join() === 'error java.lang.IllegalStateException',
               'stop on error: the second cell shows its error', `${p[1]} ${JSON.stringify(failing.outputs)}`);
  report.check(third.count == null && third.outputs.length === 0 && p[2] === '[ ]:',
               'stop on error: the third cell was not run (no execution count, no output)',
               `${p[2]} ${JSON.stringify(third.outputs)}`);
  // the kernel is not stuck aborting: the third cell, run on its own, runs
  await panelOf(page).locator('.jp-Cell').nth(2).locator('.jp-InputPrompt').click();
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.content.widgets[2].model.executionCount != null,
                             null, { timeout: 60_000, polling: 100 }).catch(() => {});
  const after = (await cells())[2];
  report.check(after.count === failing.count + 1 && after.outputs.join() === 'third cell ran',
               'stop on error: the third cell, run on its own afterwards, runs',
               `[${after.count}] ${JSON.stringify(after.outputs)}`);
}

async function kernelFromTheUi(page) {
  if (!await saveScratch('kernel-ui.ipynb', KERNEL_UI_CELLS)) return;
  await page.goto(labUrl('kernel-ui.ipynb'));
  await waitForIdleKernel(page);
  const cell = i => panelOf(page).locator('.jp-Cell').nth(i);
  const prompt = i => cell(i).locator('.jp-InputPrompt').textContent().then(t => t.trim());
  const outputOf = i => cell(i).locator('.jp-OutputArea-output').allInnerTexts().then(all => all.join('\n'));
  /** Selects cell i (command mode, as a click on its prompt does), runs it with Shift+Enter; returns its old prompt. */
  const run = async i => {
    const old = await prompt(i);
    await cell(i).locator('.jp-InputPrompt').click();
    await page.keyboard.press('Shift+Enter');
    return old;
  };
  /** Waits until cell i shows an execution number other than `old` (it ran and ended). */
  const ranAfter = (i, old, timeout = 60_000) => page.waitForFunction(([n, was]) => {
    const p = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')[n]
      .querySelector('.jp-InputPrompt').textContent.trim();
    return /^\[\d+\]:$/.test(p) && p !== was;
  }, [i, old], { timeout, polling: 50 });
  const runAndWait = async (i, timeout) => ranAfter(i, await run(i), timeout);

  // stop button on a busy loop
  await runAndWait(0);
  const loopWas = await run(1);
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.kernelDisplayStatus === 'busy');
  await page.waitForTimeout(1000); // surely in the loop
  const t0 = Date.now();
  await panelOf(page).locator('jp-button[data-command="notebook:interrupt-kernel"]').click();
  await ranAfter(1, loopWas, 30_000).catch(() => {});
  const stopped = (Date.now() - t0) / 1000;
  report.check(stopped < 2 && /^\[\d+\]:$/.test(await prompt(1)), 'the stop button interrupts while (true) { x ^= 1; }',
               `${stopped.toFixed(2)} s`);
  await runAndWait(2);
  report.check(/ran after the interrupt, x is [01]/.test(await outputOf(2)), 'the next cell runs after the interrupt');

  // Tab completion
  await cell(3).locator('.cm-content').click();
  await page.keyboard.type('System.out.prin');
  await page.keyboard.press('Tab');
  const items = page.locator('.jp-Completer .jp-Completer-item');
  await items.first().waitFor({ timeout: 30_000 }).catch(() => {});
  const offered = (await items.evaluateAll(all => all.map(li => li.dataset.value || li.textContent))).map(s => s.trim());
  await page.screenshot({ path: `${shots}/lab-completion.png` });
  report.check(offered.some(v => v.startsWith('println')), 'Tab on System.out.prin offers println', offered.join(' '));
  await page.keyboard.press('Escape');

  // Shift+Tab help
  await cell(4).locator('.cm-content').click();
  await page.keyboard.type('String');
  await page.keyboard.press('Shift+Tab');
  const tooltip = page.locator('.jp-Tooltip');
  await tooltip.waitFor({ timeout: 30_000 }).catch(() => {});
  const help = await tooltip.innerText().catch(() => '');
  await page.screenshot({ path: `${shots}/lab-help.png` });
  report.check(/represents character strings/.test(help), 'Shift+Tab on String shows its Javadoc',
               help.split('\n').slice(0, 2).join(' / '));
  await page.keyboard.press('Escape');

  // clearOutput
  await runAndWait(5);
  const cleared = await outputOf(5);
  report.check(cleared.trim() === 'shown after clearOutput', 'clearOutput() clears what the cell showed before it',
               JSON.stringify(cleared.trim()));

  // a progress bar updated in place: one output, whose value moves while the cell runs
  await run(6);
  const seen = new Set();
  let most = 0;
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const state = await cell(6).evaluate(c => ({
      outputs: c.querySelectorAll('.jp-OutputArea-output').length,
      value: c.querySelector('progress')?.getAttribute('value'),
      running: c.querySelector('.jp-InputPrompt').textContent.includes('*'),
    }));
    most = Math.max(most, state.outputs);
    if (state.value != null) seen.add(state.value);
    if (!state.running && seen.size > 0) break;
    await page.waitForTimeout(100);
  }
  const finalText = await outputOf(6);
  report.check(most === 1 && seen.size >= 3 && /30\/30/.test(finalText),
               'a Progress bar updates in place (one output, its value moving)',
               `${most} output(s), values seen ${[...seen].join(',')}; last: ${finalText.trim()}`);

  // %%python output streams while the cell runs
  const pythonWas = await run(7);
  const streamed = await page.waitForFunction(() => {
    const c = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')[7];
    return c.querySelector('.jp-OutputArea')?.textContent.includes('tick 0')
      && { running: c.querySelector('.jp-InputPrompt').textContent.includes('*'),
           text: c.querySelector('.jp-OutputArea').textContent };
  }, null, { timeout: 60_000, polling: 50 }).then(h => h.jsonValue());
  report.check(streamed.running && !streamed.text.includes('tick 3'),
               "a %%python cell's output shows before the cell ends", JSON.stringify(streamed.text.trim()));
  await ranAfter(7, pythonWas);

  // Kernel > Restart Kernel…: a new kernel process, counting from 1 again
  await runAndWait(8);
  const before = (await outputOf(8)).trim();
  await menu(page, 'Kernel', 'Restart Kernel…');
  await page.locator('.jp-Dialog .jp-Dialog-button.jp-mod-accept').click();
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.kernelDisplayStatus !== 'idle',
                             null, { timeout: 10_000 }).catch(() => {});
  await waitForIdleKernel(page);
  await runAndWait(8);
  const after = (await outputOf(8)).trim();
  report.check(/^\d+$/.test(before) && /^\d+$/.test(after) && before !== after && (await prompt(8)) === '[1]:',
               'Restart Kernel starts a new kernel that runs cells', `pid ${before} then ${after}, ${await prompt(8)}`);
  await page.screenshot({ path: `${shots}/lab-kernel-ui.png` });
}
