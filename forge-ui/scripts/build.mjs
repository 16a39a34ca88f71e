// Builds one Forge Custom UI resource per page (dist/<page>/index.html + assets) from the Thymeleaf natural
// templates and static files the Connect door serves, so both doors run the same pages.
// - Connect's all.js gives way to forge-bridge.js (@forge/bridge, bundled by esbuild); the host adapter
//   (js/connect-api.js) then talks to Forge instead of AP.
// - What the pages loaded from WebJars is copied from the npm packages of the same versions: nothing is loaded from
//   a CDN at run time (Forge's content security policy).
// - Model values Thymeleaf filled on the server come from Forge's view context at run time: the adapter fills
//   data-issue-key / data-project-key and data-forge-text before it loads the page's own scripts (deferred here).
// Reproducible: the output depends only on the inputs (no timestamps, sorted walks, dist/ made afresh).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const uiRoot = path.resolve(here, '..');
const repo = path.resolve(uiRoot, '..');
const templates = path.join(repo, 'src/main/resources/templates');
const staticRoot = path.join(repo, 'src/main/resources/static');
const dist = path.join(uiRoot, 'dist');

// One resource per Forge module. Jira allows one project page and one global page per app, so those two hold
// several pages (the manifest's sub-page routes): a router index.html and a folder per page.
const RESOURCES = [
  { key: 'issue-value', pages: ['issue-value'] },
  { key: 'project-pages', pages: ['roadmap', 'grooming'] },
  { key: 'global-pages', pages: ['roadmap', 'programs', 'plan'] },
  { key: 'settings', pages: ['settings'] }
];

// WebJars the templates load, and the npm file of the same package and version that replaces each.
const VENDOR = [
  { webjar: /^\/webjars\/sortablejs\/([^/]+)\/Sortable\.min\.js$/, pkg: 'sortablejs', file: 'Sortable.min.js' },
  { webjar: /^\/webjars\/chart\.js\/([^/]+)\/dist\/chart\.umd\.js$/, pkg: 'chart.js', file: 'dist/chart.umd.js' }
];

// Model values a Forge resource settles at build time. The admin page is shown to Jira administrators only, and
// the API still checks every call.
const BUILD_MODEL = { admin: 'true' };

function vendorFor(url) {
  for (const vendor of VENDOR) {
    const match = vendor.webjar.exec(url);
    if (!match) {
      continue;
    }
    const pkgDir = path.join(uiRoot, 'node_modules', vendor.pkg);
    const installed = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
    if (installed !== match[1]) {
      throw new Error(`${url}: the page loads ${vendor.pkg} ${match[1]} but npm installed ${installed}`);
    }
    return { from: path.join(pkgDir, vendor.file), to: `vendor/${path.basename(vendor.file)}` };
  }
  throw new Error(`${url}: no npm package replaces this WebJar; add it to VENDOR in build.mjs`);
}

/** Removes each element carrying the attribute, with its content (tags of its own name balanced). */
function removeElements(html, attribute) {
  for (;;) {
    const at = html.indexOf(attribute);
    if (at < 0) {
      return html;
    }
    const start = html.lastIndexOf('<', at);
    const tag = /^<([a-zA-Z0-9:]+)/.exec(html.slice(start))[1];
    const open = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
    open.lastIndex = html.indexOf('>', at) + 1;
    let depth = 1;
    let match;
    while (depth > 0 && (match = open.exec(html))) {
      depth += match[0].startsWith('</') ? -1 : 1;
    }
    if (depth > 0) {
      throw new Error(`unbalanced <${tag}> around ${attribute}`);
    }
    html = html.slice(0, start) + html.slice(open.lastIndex).replace(/^[ \t]*\n/, '');
  }
}

function transform(page, html, assets) {
  html = html.replace(/ xmlns:th="[^"]*"/, '');
  html = html.replace(/<script th:src="\$\{allJsUrl\}"[^>]*><\/script>/, '<script src="forge-bridge.js"></script>');
  for (const [name, value] of Object.entries(BUILD_MODEL)) {
    html = removeElements(html, `th:unless="\${${name}}"`);
    html = html.replace(new RegExp(`[ \\t]*<th:block th:if="\\$\\{${name}\\}">\\n`, 'g'), '');
    html = html.replaceAll(` th:if="\${${name}}"`, '');
    html = html.replaceAll(`th:attr="data-${name}=\${${name}}"`, `data-${name}="${value}"`);
  }
  html = html.replace(/[ \t]*<\/th:block>\n/g, '');
  // Filled from the view context at run time (connect-api.js).
  html = html.replace(/th:attr="(data-(?:issue|project)-key)=\$\{\w+\}"/g, '$1=""');
  html = html.replace(/th:text="\$\{(\w+)\}"/g, 'data-forge-text="$1"');
  // Other th:text expressions keep the template's natural text.
  html = html.replace(/ th:text="[^"]*"/g, '');
  html = html.replace(/ th:(src|href)="@\{[^}]*\}" (src|href)="([^"]*)"/g, (whole, thName, name, url) => {
    if (url.startsWith('/webjars/')) {
      const vendor = vendorFor(url);
      assets.set(vendor.to, vendor.from);
      return ` ${name}="${vendor.to}"`;
    }
    const local = url.replace(/^\//, '');
    assets.set(local, path.join(staticRoot, local));
    return ` ${name}="${local}"`;
  });
  // The page's own scripts wait for the adapter, which loads them once the view context is in.
  html = html.replace(/<script src="(js\/(?!connect-api\.js)[^"]+)"><\/script>/g,
      '<script type="text/x-forge-deferred" data-src="$1"></script>');
  const left = /\sth:[a-z]+/.exec(html);
  if (left) {
    throw new Error(`${page}.html: no Forge rule for ${left[0].trim()} (extend build.mjs)`);
  }
  return html;
}

async function bundleBridge() {
  const result = await build({
    entryPoints: [path.join(uiRoot, 'src/forge-bridge.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    legalComments: 'none',
    write: false,
    logLevel: 'warning'
  });
  return result.outputFiles[0].contents;
}

function writePage(page, out, bridge) {
  const assets = new Map();
  const html = transform(page, fs.readFileSync(path.join(templates, `${page}.html`), 'utf8'), assets);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'index.html'), html);
  fs.writeFileSync(path.join(out, 'forge-bridge.js'), bridge);
  for (const [to, from] of [...assets.entries()].sort()) {
    fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
    fs.copyFileSync(from, path.join(out, to));
  }
}

function writeRouter(resource, out, bridge) {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Throughline</title>
  <script src="forge-bridge.js"></script>
</head>
<body data-routes="${resource.pages.join(' ')}">
<p>Loading…</p>
<script src="router.js"></script>
</body>
</html>
`);
  fs.writeFileSync(path.join(out, 'forge-bridge.js'), bridge);
  fs.copyFileSync(path.join(uiRoot, 'src/router.js'), path.join(out, 'router.js'));
}

fs.rmSync(dist, { recursive: true, force: true });
const bridge = await bundleBridge();
for (const resource of RESOURCES) {
  const out = path.join(dist, resource.key);
  if (resource.pages.length === 1) {
    writePage(resource.pages[0], out, bridge);
    continue;
  }
  writeRouter(resource, out, bridge);
  for (const page of resource.pages) {
    writePage(page, path.join(out, page), bridge);
  }
}
console.log(`built ${RESOURCES.length} Custom UI resources in ${path.relative(repo, dist)}/`);
