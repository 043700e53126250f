// The search box of every page: finds sections of the collection whose title or text holds every word typed
// (any case; Chinese matches as substrings). The index is assets/search-index.js, loaded as a script so that
// it works from disk (file://) as well as from a server; nothing is fetched.
(function () {
  "use strict";
  const MAX_RESULTS = 25;

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function snippet(text, word) {
    const at = text.toLowerCase().indexOf(word);
    if (at < 0) return escapeHtml(text.slice(0, 140));
    const start = Math.max(0, at - 60);
    const part = text.slice(start, at + word.length + 80);
    const hit = part.toLowerCase().indexOf(word);
    return (start > 0 ? "…" : "") + escapeHtml(part.slice(0, hit)) + "<b>" +
      escapeHtml(part.slice(hit, hit + word.length)) + "</b>" + escapeHtml(part.slice(hit + word.length)) + "…";
  }

  function search(query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const found = [];
    for (const entry of window.PYPORT_SEARCH || []) {
      const title = entry.section.toLowerCase();
      const hay = title + " " + entry.text.toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
      const score = words.filter((w) => title.includes(w)).length * 10 - found.length / 1000;
      found.push({ entry, score });
    }
    return found.sort((a, b) => b.score - a.score).slice(0, MAX_RESULTS).map((f) => ({ ...f.entry, word: words[0] }));
  }

  function show(box, results, query) {
    if (!query.trim()) { box.hidden = true; box.innerHTML = ""; return; }
    box.hidden = false;
    if (!results.length) { box.innerHTML = "<p>Nothing found for “" + escapeHtml(query) + "”.</p>"; return; }
    box.innerHTML = results.map((r) =>
      '<a href="' + r.page + (r.anchor ? "#" + encodeURIComponent(r.anchor) : "") + '">' +
      escapeHtml(r.section) + "<small>" + escapeHtml(r.chapter) + "</small><small>" + snippet(r.text, r.word) +
      "</small></a>").join("");
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const form of document.querySelectorAll(".pyport-search")) {
      const input = form.querySelector("input");
      const box = form.querySelector(".pyport-results");
      input.addEventListener("input", () => show(box, search(input.value), input.value));
      input.addEventListener("keydown", (e) => {
        if (e.key === "Escape") { input.value = ""; show(box, [], ""); }
        if (e.key === "Enter") { const first = box.querySelector("a"); if (first) first.click(); }
      });
      document.addEventListener("click", (e) => { if (!form.contains(e.target)) box.hidden = true; });
    }
  });
})();
