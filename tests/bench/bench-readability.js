// SPDX-License-Identifier: GPL-3.0-or-later
// bench-readability.js: Readability.js + jsdom on the same pages as
// bench-extract, for the side-by-side speed (and quality) figures.
// usage: node bench-readability.js MODULES_DIR PAGES_DIR OUT.json RUNS
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const [modules, pagesDir, outPath, runsArg] = process.argv.slice(2);
const { JSDOM, VirtualConsole } = require(path.resolve(modules, 'jsdom'));
const { Readability } = require(path.resolve(modules, '@mozilla/readability'));
const runs = Number(runsArg || 1);
const out = {};

for (const name of fs.readdirSync(pagesDir).sort()) {
  const file = path.join(pagesDir, name, 'source.html.gz');
  if (!fs.existsSync(file)) continue;
  const html = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  const times = [];
  let text = '';
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const dom = new JSDOM(html, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    const t1 = process.hrtime.bigint();
    times.push(Number(t1 - t0) / 1e6);
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  }
  times.sort((a, b) => a - b);
  out[name] = { ms: times[Math.floor(times.length / 2)], text };
}
fs.writeFileSync(outPath, JSON.stringify(out));
