// Prints the book page (build/site/book.html) to a PDF with Debian's Chromium, driven by playwright-core (from
// tests/browser/node_modules; no browser is downloaded, nothing is loaded from the network).
//
//   node print_pdf.mjs BOOK.html OUT.pdf [PAGES.json]
//
// PAGES.json maps a chapter's number to the page it starts on; its numbers go into the table of contents
// (without it, every entry gets "000", which takes the same room, so the pages do not move between the passes).
// The PDF gets an outline (bookmarks) from the headings and page numbers in the footer.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(path.join(ROOT, "tests/browser/package.json"));
const { chromium } = require("playwright-core");

const [book, out, pagesJson] = process.argv.slice(2);
if (!book || !out) {
  console.error("usage: node print_pdf.mjs BOOK.html OUT.pdf [PAGES.json]");
  process.exit(2);
}
const pages = pagesJson ? JSON.parse(readFileSync(pagesJson, "utf8")) : {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext();
  const remote = [];
  await context.route(/^(https?|wss?):/, (route) => { remote.push(route.request().url()); route.abort(); });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.resolve(book)).href, { waitUntil: "load" });
  await page.evaluate((numbers) => {
    for (const el of document.querySelectorAll(".pyport-page-no")) {
      el.textContent = numbers[el.dataset.chapter] ?? "000";
    }
  }, pages);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => document.fonts.ready);
  await page.pdf({
    path: out,
    preferCSSPageSize: true,
    printBackground: true,
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: '<div style="width:100%;font-size:8px;color:#777;padding:0 15mm;display:flex;' +
      'justify-content:space-between;font-family:sans-serif"><span>Python 基础, in Java</span>' +
      '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>',
  });
  if (remote.length) {
    console.error("print_pdf: the book asked for the network: " + remote.join(", "));
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
