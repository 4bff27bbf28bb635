// Shared by the embedding tests: a portal's page on the same origin as the
// served www/ (python http.server), its HTML and scripts supplied by the test
// through request routing, under the strict CSP a portal would use.
export const PORTAL_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * Opens `${origin}/portal/index.html` whose body is `body` and whose module
 * `script` (served as /portal/host.js) runs after `modules` (URLs under www/).
 * Records every request, console error, page error and CSP violation.
 */
export async function openHost(browser, origin, { body = '', script = '', modules = [] } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PORTAL_CSP}">
<link rel="icon" href="data:,">
<title>某市财政局门户</title>
${modules.map((m) => `<script type="module" src="${m}"></script>`).join('\n')}
<script type="module" src="/portal/host.js"></script>
</head><body><h1>部门预算公开自查</h1>${body}</body></html>`;
  await context.route(`${origin}/portal/index.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  await context.route(`${origin}/portal/host.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }),
  );
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error') problems.push(`worker console: ${m.text()}`);
    });
  });
  await page.goto(`${origin}/portal/index.html`);
  return { context, page, requests, problems };
}

/** Every request stays on the origin (the routed portal files included). */
export function foreignRequests(requests, origin) {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
}

/** A corpus document with 表三's 合计 raised by 1.00: T101, T102 and T107 fail at its line 167 (and the prose citing 表三 too). */
export function withError(text) {
  const good = '合计\t\t340.46\t264.66\t75.80';
  if (!text.includes(good)) throw new Error('fixture changed: the 表三 合计 line is not where the test expects it');
  return text.replace(good, '合计\t\t341.46\t264.66\t75.80');
}
