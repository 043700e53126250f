// Opens a notebook in Jupyter's own UI (served on loopback by run.sh), runs every cell from the
// menu, and checks the page: a Java output, an SVG chart, no error output. Saves a screenshot.
// Usage: node ui-test.mjs URL SCREENSHOT
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures++; };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // Classic notebook UI (Debian's jupyter-notebook 6.x): wait until the kernel is connected and idle.
  await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.()
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'), null, { timeout: 120_000 });
  await page.click('#celllink');             // the Cell menu, as a reader would
  await page.click('#run_all_cells a');
  // Running: some prompt shows [*]. Done: none does and the kernel is idle again.
  await page.waitForFunction(() => [...document.querySelectorAll('.input_prompt')]
      .some(p => p.textContent.includes('*')), null, { timeout: 30_000 }).catch(() => {});
  await page.waitForFunction(() =>
      ![...document.querySelectorAll('.input_prompt')].some(p => p.textContent.includes('*'))
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'), null, { timeout: 600_000 });
  const result = await page.evaluate(() => ({
    cells: document.querySelectorAll('.code_cell').length,
    executed: [...document.querySelectorAll('.code_cell .input_prompt')]
        .filter(p => /\[\d+\]/.test(p.textContent)).length,
    errors: [...document.querySelectorAll('.output_error')].map(e => e.textContent.slice(0, 300)),
    svgs: document.querySelectorAll('.output_svg svg, .output_subarea svg').length,
    text: [...document.querySelectorAll('.output_text, .output_result')].map(e => e.textContent).join('\n'),
  }));
  check(result.executed === result.cells, `every code cell ran (${result.executed}/${result.cells})`);
  check(result.errors.length === 0, `no cell shows an error${result.errors.length ? ': ' + result.errors[0] : ''}`);
  check(result.svgs > 0, `an SVG chart is on the page (${result.svgs})`);
  check(/Hello from Java/.test(result.text), 'a Java output is on the page');
  // The classic UI scrolls inside #site, so bring the first chart into view for the screenshot.
  await page.locator('.output_svg, .output_subarea svg').first().scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failures++;
} finally {
  await browser.close();
}
console.log(`browser: ${failures === 0 ? 1 : 0} passed, ${failures === 0 ? 0 : 1} failed`);
process.exit(failures === 0 ? 0 : 1);
