// The Notebook 7 suite: the welcome notebook opened in Notebook 7 (served by run.sh on loopback with a token, over
// a temp copy of the notebooks) and run with Run > Run All Cells in headless Chromium: every code cell ran, no cell
// shows an error, its chart is drawn, and the Java output is on the page. Screenshots go to SHOTS.
// Usage: node notebook7.mjs BASE_URL TOKEN NOTEBOOK_DIR SHOTS
import { Report, launchBrowser, checkNotebook } from './jupyter-ui.mjs';

const [base, token, , shots] = process.argv.slice(2);
const report = new Report('Notebook 7');
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await report.part('00-welcome in Notebook 7: Run All from the menu', async () => {
    const found = await checkNotebook(page, report, {
      url: `${base}/notebooks/00-welcome.ipynb?token=${token}`, name: 'nb7-00-welcome', shots,
      expect: /Hello from Java \d+/,
    });
    report.check(found.length > 0, 'nb7-00-welcome: shows its chart', `${found.length}`);
    const app = await page.evaluate(() => `${window.jupyterapp.name} ${window.jupyterapp.version}`);
    report.check(/^Jupyter Notebook 7\./.test(app), 'the front end is Notebook 7', app);
    await page.locator('.jp-OutputArea-output[data-mime-type="image/svg+xml"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/nb7-welcome.png` });
    console.log(`    screenshot: ${shots}/nb7-welcome.png`);
  });
} finally {
  await browser.close();
}
process.exit(report.finish());
