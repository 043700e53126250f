// The rendered site in a real browser (Debian's Chromium, driven by playwright-core), opened from disk as a
// reader would open build/site/index.html. For every executed notebook, on its page:
//   * every chart output of the notebook is drawn: its box has a size, it holds drawing elements (shapes with a
//     size of their own, not only text), and a screenshot of it has non-background pixels, also with its text
//     hidden (so a chart reduced to its labels fails);
//   * every code cell is highlighted in its language: %%python cells as Python with the magic line outside the
//     highlighted code, the others as Java; no Pygments error token anywhere on the page;
//   * the page has its title, what the reader will learn, the sections (each link lands on a heading),
//     previous/next/index links, a download link to the executed notebook, a footer with date, JDK and Python;
// the index lists every page in the tutorial's order with a line each, and its search box finds a section;
// and no page asks for anything from the network (every http, https or ws request is refused and counted).
//
//   node check_site.mjs SITE_DIR EXECUTED_DIR SHOTS_DIR
//
// Prints one line per page and `N passed, N failed`; exits 1 when any page failed. Screenshots of the charts go
// to SHOTS_DIR.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, "../browser/package.json"));
const { chromium } = require("playwright-core");

const [siteDir, executedDir, shotsDir] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!siteDir || !executedDir || !shotsDir) {
  console.error("usage: node check_site.mjs SITE_DIR EXECUTED_DIR SHOTS_DIR");
  process.exit(2);
}
mkdirSync(shotsDir, { recursive: true });

const SHAPES = "path, rect, line, polyline, polygon, circle, ellipse";
const MIN_INK = 0.01;        // share of a chart's pixels that differ from its background
const MIN_SHAPE_INK = 0.003; // the same with the chart's text hidden: bars, lines, axes

function notebookFacts(file) {
  const nb = JSON.parse(readFileSync(file, "utf8"));
  const source = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
  const code = nb.cells.filter((c) => c.cell_type === "code");
  return {
    charts: code.reduce((n, c) => n + (c.outputs || []).filter((o) => o.data && o.data["image/svg+xml"]).length, 0),
    cells: code.map((c) => ({ id: c.id, python: /^%%python\b/.test(source(c)), magic: (source(c).match(/^%%.*/) || [""])[0] })),
  };
}

// Share of pixels of a PNG that differ from its most common colour (decoded in the page, on a canvas).
async function inkShare(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map();
    for (let i = 0; i < px.length; i += 4) {
      const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const background = Math.max(...counts.values());
    return 1 - background / (px.length / 4);
  }, png.toString("base64"));
}

async function checkCharts(page, stem, facts, problems) {
  const charts = page.locator('[data-mime-type="image/svg+xml"]');
  const found = await charts.count();
  if (found !== facts.charts) problems.push(`${facts.charts} chart outputs in the notebook, ${found} on the page`);
  for (let i = 0; i < found; i++) {
    const chart = charts.nth(i);
    const label = `chart ${i + 1}`;
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box || box.width < 50 || box.height < 50) {
      problems.push(`${label}: not drawn (box ${box ? `${box.width}×${box.height}` : "none"})`);
      continue;
    }
    // drawing elements with a size: inline SVG shapes, or an <img> of the SVG that decoded
    const drawing = await chart.evaluate((el, shapes) => {
      const img = el.querySelector("img");
      if (img) return { img: true, ok: img.complete && img.naturalWidth > 0, shapes: 0 };
      const svg = el.querySelector("svg");
      if (!svg) return { img: false, ok: false, shapes: 0 };
      const sized = [...svg.querySelectorAll(shapes)].filter((s) => {
        if (s.closest("clipPath, defs, mask")) return false;
        const b = s.getBBox();
        return b.width > 0 || b.height > 0;
      });
      return { img: false, ok: sized.length >= 3, shapes: sized.length };
    }, SHAPES);
    if (!drawing.ok) problems.push(`${label}: no drawing elements (${drawing.shapes} shapes with a size)`);
    const shot = await chart.screenshot({ path: path.join(shotsDir, `${stem}-chart${i + 1}.png`) });
    const ink = await inkShare(page, shot);
    if (ink < MIN_INK) problems.push(`${label}: blank in the screenshot (${(ink * 100).toFixed(2)}% ink)`);
    if (!drawing.img) { // the same without its text: labels alone do not make a chart
      await chart.evaluate((el) => el.querySelectorAll("svg text").forEach((t) => (t.style.visibility = "hidden")));
      const shapesOnly = await inkShare(page, await chart.screenshot());
      await chart.evaluate((el) => el.querySelectorAll("svg text").forEach((t) => (t.style.visibility = "")));
      if (shapesOnly < MIN_SHAPE_INK) {
        problems.push(`${label}: only text is drawn (${(shapesOnly * 100).toFixed(2)}% ink without the text)`);
      }
    }
  }
}

async function checkCode(page, facts, problems) {
  const errors = await page.locator(".highlight .err").count();
  if (errors) problems.push(`${errors} Pygments error tokens`);
  const cells = await page.evaluate((cells) => cells.map(({ id, magic }) => {
    const el = document.getElementById("cell-id=" + id);
    if (!el) return { missing: true };
    const hl = el.querySelector(".jp-InputArea .highlight");
    return {
      missing: false,
      lexer: hl ? [...hl.classList].find((c) => c.startsWith("hl-")) || "none" : "none",
      magicInCode: !!magic && !!hl && hl.textContent.includes(magic.trim()),
      magicShown: !magic || el.querySelector(".jp-InputArea").textContent.includes(magic.trim()),
    };
  }), facts.cells);
  let wrong = [];
  cells.forEach((c, i) => {
    const want = facts.cells[i].python ? "hl-python" : "hl-java";
    if (c.missing) wrong.push(`cell ${facts.cells[i].id} missing`);
    else if (c.lexer !== want) wrong.push(`cell ${i + 1}: ${c.lexer} instead of ${want}`);
    else if (c.magicInCode) wrong.push(`cell ${i + 1}: its magic line is highlighted as code`);
    else if (!c.magicShown) wrong.push(`cell ${i + 1}: its magic line is not shown`);
  });
  if (wrong.length) problems.push(`${wrong.length} code cells highlighted wrongly (${wrong.slice(0, 3).join("; ")}${wrong.length > 3 ? "; ..." : ""})`);
}

async function checkFurniture(page, stem, prev, next, problems) {
  const f = await page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const rel = (r) => { const a = q(`.pyport-pager a[rel=${r}]`); return a ? a.getAttribute("href") : null; };
    const sections = [...document.querySelectorAll(".pyport-sections a")];
    return {
      title: (q("h1") || { textContent: "" }).textContent.trim(),
      learn: (q(".pyport-learn") || { textContent: "" }).textContent.trim().length,
      sections: sections.length,
      deadSections: sections.filter((a) => !document.getElementById(a.hash.slice(1)) &&
        !document.getElementById(decodeURIComponent(a.hash.slice(1)))).length,
      prev: rel("prev"), next: rel("next"), index: !!q('.pyport-pager a[href="index.html"]'),
      download: (q("a[download]") || { getAttribute: () => null }).getAttribute("href"),
      footer: (q("footer") || { textContent: "" }).textContent,
    };
  });
  if (!f.title) problems.push("no title");
  if (f.learn < 40) problems.push("no 'what you will learn'");
  if (!f.sections) problems.push("no table of contents of its sections");
  if (f.deadSections) problems.push(`${f.deadSections} section links lead nowhere`);
  if (f.prev !== prev) problems.push(`previous link ${f.prev}, expected ${prev}`);
  if (f.next !== next) problems.push(`next link ${f.next}, expected ${next}`);
  if (!f.index) problems.push("no link to the index");
  if (f.download !== `notebooks/${stem}.ipynb` || !existsSync(path.join(siteDir, "notebooks", `${stem}.ipynb`))) {
    problems.push(`no download link to the executed notebook (${f.download})`);
  }
  if (!/\d{4}-\d\d-\d\d/.test(f.footer) || !/JDK: \S/.test(f.footer) || !/Python: \S/.test(f.footer) ||
      /unknown/.test(f.footer)) {
    problems.push(`footer without the run's date, JDK and Python: "${f.footer.trim().slice(0, 120)}"`);
  }
}

async function checkIndex(page, stems, problems) {
  await page.goto(pathToFileURL(path.join(siteDir, "index.html")).href);
  const items = await page.evaluate(() => [...document.querySelectorAll("ol li")].map((li) => ({
    href: (li.querySelector("a") || { getAttribute: () => "" }).getAttribute("href"),
    line: li.textContent.trim().length,
  })));
  const hrefs = items.map((i) => i.href);
  const want = stems.map((s) => `${s}.html`);
  if (JSON.stringify(hrefs) !== JSON.stringify(want)) problems.push(`index lists ${hrefs.join(" ")}, expected ${want.join(" ")}`);
  if (items.some((i) => i.line < 20)) problems.push("an index entry without its line");
  const search = page.locator(".pyport-search input");
  if (!(await search.count())) { problems.push("no search box"); return; }
  await search.fill("deadlock");
  const hit = page.locator('.pyport-results a[href^="05-threads.html#"]');
  await hit.first().waitFor({ timeout: 5000 }).catch(() => {});
  if (!(await hit.count())) problems.push("the search box finds no 'deadlock' in 05-threads");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
let passed = 0, failed = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const remote = [];
  await context.route(/^(https?|wss?|ftp):/, (route) => { remote.push(route.request().url()); route.abort(); });
  const page = await context.newPage();
  const stems = readdirSync(executedDir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort().map((f) => f.slice(0, -6));
  for (const [i, stem] of stems.entries()) {
    const problems = [];
    const t0 = Date.now();
    const facts = notebookFacts(path.join(executedDir, `${stem}.ipynb`));
    const file = path.join(siteDir, `${stem}.html`);
    if (!existsSync(file)) {
      problems.push("no page");
    } else {
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      await checkCharts(page, stem, facts, problems);
      await checkCode(page, facts, problems);
      await checkFurniture(page, stem, i > 0 ? `${stems[i - 1]}.html` : null,
        i + 1 < stems.length ? `${stems[i + 1]}.html` : null, problems);
    }
    const what = `${stem}.html (${facts.charts} charts, ${facts.cells.length} code cells, ${Date.now() - t0} ms)`;
    if (problems.length) { failed++; console.log(`FAIL ${what}`); problems.forEach((p) => console.log(`     ${p}`)); }
    else { passed++; console.log(`ok   ${what}`); }
  }
  const problems = [];
  await checkIndex(page, stems, problems);
  if (remote.length) problems.push(`requests to the network: ${[...new Set(remote)].slice(0, 5).join(", ")}`);
  if (problems.length) { failed++; console.log("FAIL index.html and the whole site"); problems.forEach((p) => console.log(`     ${p}`)); }
  else { passed++; console.log("ok   index.html (the tutorial's order, a line each, search) and no network request"); }
} finally {
  await browser.close();
}
console.log(`site: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
