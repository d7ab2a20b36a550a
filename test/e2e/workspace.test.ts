/**
 * The playground as a training office meets it on 1 December 2026, in Chromium: a year in progress
 * (months lived by the real add-on, sessions ahead), Sheets with the add-on's menu, formats, checkboxes,
 * dropdowns and charts, Calendar's month and week views, Gmail with HTML bodies and attachments, Drive
 * with folders and the PDF preview, the form, whose eyes, time as a control, and every link of every
 * page staying on localhost. Screenshots go to test-artifacts/ (git-ignored).
 */
import type { Page } from 'playwright-core';
import { isLocal, usePlaygroundInBrowser } from './playground-browser';

// The longest test (every link staff see) took 23 s with four test runs sharing CI's two cores.
jest.setTimeout(90_000);

const START = '2026-12-01T09:00:00+01:00';

const session = usePlaygroundInBrowser({
  start: START,
  employees: 60,
  actionTimeoutMs: 30_000,
  shotPrefix: 'workspace-',
});
const { get, shot, snapshot } = session;
let playground: typeof session.playground;
let base = '';
let page: Page;

beforeAll(() => {
  ({ playground, base, page } = session);
});

/** Switches whose eyes the pages are seen through to the first person of that kind the switch offers. */
async function lookAs(kind: 'staff' | 'employee' | 'referent'): Promise<string> {
  await page.goto(`${base}/clock`);
  const value = await page
    .locator('#viewer option')
    .evaluateAll(
      (options, k) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith(`${k}:`)) ?? '',
      kind,
    );
  expect(value).not.toBe('');
  await page.locator('#viewer').selectOption(value);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/viewer')),
    page.getByRole('button', { name: 'Cambia' }).click(),
  ]);
  return value.slice(kind.length + 1);
}

describe('a year in progress on 1 December 2026', () => {
  it('answers at once while the past is lived, then opens on the spreadsheet with sessions ahead', async () => {
    // The figures the closing note reports: first page and ready academy, from the spawn.
    process.stdout.write(
      `playground: first page ${playground.firstPageMs} ms, academy ready ${playground.readyMs} ms\n`,
    );
    expect(playground.firstPageMs).toBeLessThan(playground.readyMs);
    await page.goto(base);
    await page.locator('#grid').waitFor();
    const snap = await snapshot();
    const now = Date.parse(START);
    const ahead = snap.calendar.filter((e) => Date.parse(e.start) > now);
    const behind = snap.calendar.filter((e) => Date.parse(e.start) < now);
    expect(ahead.length).toBeGreaterThan(10);
    expect(behind.length).toBeGreaterThan(100);
    expect(snap.sheets['Attestati']?.rows.length).toBeGreaterThan(50);
    expect(snap.sheets['Iscrizioni']?.rows.filter((r) => r.Stato === 'Confermata').length).toBeGreaterThan(100);
    const frame = page.frameLocator('iframe#sidebar');
    await frame.locator('#sessions li').first().waitFor();
    expect(await frame.locator('#sessions').textContent()).not.toContain('Nessuna sessione in programma');
    await shot('01-foglio');
  });

  it('shows cells as Sheets does: tabs at the bottom, formats, checkboxes, dropdowns, frozen header, wide tabs scrolled', async () => {
    await page.goto(`${base}/?tab=${encodeURIComponent('Report corsi')}`);
    const fill = page.locator('#grid tr:not(.frozen) td[data-col="Riempimento %"]').first();
    await fill.waitFor();
    expect(await fill.textContent()).toMatch(/^\d+%$/);
    await page.goto(`${base}/?tab=Bilancio`);
    expect(await page.locator('#grid td[data-a1="B2"]').textContent()).toMatch(/^[\d.]+,\d\d €$/);
    await page.locator('figure.chart[data-drawn="true"] canvas').waitFor();
    await shot('02-bilancio-grafico');

    await page.goto(`${base}/?tab=Presenze`);
    expect(await page.locator('#grid td[data-col="Presente"] input[type="checkbox"]').count()).toBeGreaterThan(10);
    await page.goto(`${base}/?tab=Iscrizioni`);
    const status = page.locator('#grid td.dropdown[data-col="Stato"]').first();
    await status.click();
    expect(await status.locator('select option').allTextContents()).toContain('In attesa');
    await status.locator('select').press('Escape');

    await page.goto(`${base}/?tab=Corsi`);
    const tabs = page.locator('nav.tabs-bar a[data-tab]');
    expect(await tabs.allTextContents()).toEqual(
      expect.arrayContaining(['Comuni', 'Corsi', 'Iscrizioni', 'Report corsi']),
    );
    expect(await page.locator('nav.tabs-bar a[aria-current="page"]').textContent()).toBe('Corsi');
    const header = page.locator('#grid tr.frozen td[data-col="Titolo"]');
    await page.locator('#grid-wrap').evaluate((e) => e.scrollTo(e.scrollWidth, e.scrollHeight));
    const last = page.locator('#grid tr.frozen td[data-col="Stato"]');
    expect(await last.isVisible()).toBe(true);
    const box = await last.boundingBox();
    const wrap = await page.locator('#grid-wrap').boundingBox();
    expect(box && wrap && box.x >= wrap.x && box.x + box.width <= wrap.x + wrap.width).toBeTruthy();
    expect(await header.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
    await shot('03-corsi-scorrimento');
  });

  it("runs the add-on's menu from the menu bar, as Google runs a menu item", async () => {
    await page.goto(base);
    const menu = page.locator('#menubar .menu.addon').first();
    await menu.locator(':scope > button').click();
    const items = menu.locator('button[data-fn]');
    expect(await items.count()).toBeGreaterThan(3);
    const refresh = menu.locator('button[data-fn="refreshReports"]');
    await refresh.click();
    await page.waitForFunction(() => document.getElementById('menubar')?.getAttribute('aria-busy') !== 'true');
    expect(await page.locator('.toast').textContent()).not.toContain('Errore');
    await shot('04-menu');
  });

  it('shows a menu item that mails or issues as a preview dialog, which acts only on its confirming button', async () => {
    // catalogue: HTML-MODAL-DIALOG
    await page.goto(base);
    const menu = page.locator('#menubar .menu.addon').first();
    await menu.locator(':scope > button').click();
    await menu.locator('button[data-fn="showFeedbackFormPreview"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.locator('h3').textContent()).toContain('Pubblica questionario di gradimento');
    const frame = page.frameLocator('dialog[open] iframe');
    await frame.getByText('Corsi nel questionario').waitFor();
    const outcome = frame.locator('#outcome');
    expect(await outcome.textContent()).toBe('');
    await frame.locator('#confirm').dblclick();
    await frame.locator('#outcome.ok').waitFor();
    expect(await outcome.textContent()).toContain('Questionario di gradimento');
    expect(await frame.locator('#confirm').count()).toBe(0);
    await shot('04b-dialogo-anteprima');
    await frame.getByRole('button', { name: 'Chiudi' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the calendar by month and by week in date order, with event details and a local Meet link', async () => {
    await page.goto(`${base}/calendar`);
    const events = page.locator('#month a.ev');
    expect(await events.count()).toBeGreaterThan(5);
    const days = await page
      .locator('#month td[data-date]')
      .evaluateAll((cells) =>
        cells.filter((c) => c.querySelector('a.ev')).map((c) => c.getAttribute('data-date') ?? ''),
      );
    expect([...days].sort()).toEqual(days);
    await shot('05-calendario-mese');
    await page.getByRole('link', { name: 'Settimana', exact: true }).click();
    await page.locator('#week').waitFor();
    await page.getByRole('link', { name: 'Successivo' }).click();
    await page.locator('#week a.ev').first().waitFor();
    await shot('06-calendario-settimana');
    await page.locator('#week a.ev').first().click();
    await page.locator('#event').waitFor();
    expect(await page.locator('#event .attendees li').count()).toBeGreaterThan(0);
    const online = (await snapshot()).calendar.find((e) => e.meet !== '' && e.status !== 'cancelled');
    expect(online).toBeDefined();
    await page.goto(`${base}/calendar/event?id=${encodeURIComponent(online?.id ?? '')}`);
    const meet = page.locator('#event a.meet');
    expect(await meet.getAttribute('href')).toMatch(/^\/meet\/[a-z]+-[a-z]+-[a-z]+$/);
    await meet.click();
    await page.locator('#meet').waitFor();
    await shot('07-evento');
  });

  it('shows Gmail: the list, an HTML body in a sandboxed frame, attachments that open in the page', async () => {
    await page.goto(`${base}/mail`);
    expect(await page.locator('.mail-row').count()).toBeGreaterThan(20);
    const frame = page.locator('iframe.body');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    await shot('08-gmail');
    await page.goto(`${base}/mail?q=${encodeURIComponent('attestato')}`);
    await page.locator('.mail-row', { hasText: '⎘' }).first().click();
    await page.locator('.attachments a').first().click();
    await page.locator('#pdf[data-pages]').waitFor();
    expect(Number(await page.locator('#pdf').getAttribute('data-pages'))).toBeGreaterThan(0);
    await shot('09-allegato-pdf');
  });

  it('browses Drive by folders with real names and previews a certificate in the page', async () => {
    await page.goto(`${base}/drive`);
    await page.locator('#files tr[data-kind="folder"] a', { hasText: 'Attestati 2026' }).click();
    await page.locator('#files tr[data-kind="folder"] a').first().click();
    const pdf = page.locator('#files tr[data-kind="file"] a', { hasText: /\.pdf$/ }).first();
    await pdf.waitFor();
    await shot('10-drive');
    await pdf.click();
    await page.locator('#pdf[data-pages]').waitFor();
    expect(await page.locator('nav.crumbs').textContent()).toContain('Attestati 2026');
    await shot('11-anteprima');
  });

  it("switches to an employee's eyes: their form, their mails, their invitations and certificates", async () => {
    const certified = await lookAs('employee');
    const snap = await snapshot();
    expect(snap.sheets['Attestati']?.rows.some((r) => String(r.Email).toLowerCase() === certified)).toBe(true);
    expect(page.url()).toContain('/form');
    expect(await page.locator('#email').inputValue()).toBe(certified);
    await shot('12-modulo-dipendente');
    await page.goto(`${base}/mail`);
    const rows = page.locator('.mail-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(new Set(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-to'))))).toEqual(
      new Set([certified]),
    );
    await page.goto(`${base}/attestati`);
    expect(await page.locator('#certificates a').count()).toBeGreaterThan(0);
    await page.goto(`${base}/calendar`);
    await shot('13-calendario-dipendente');
    await page.goto(base);
    expect(await page.locator('#grid').count()).toBe(0);
    expect(await page.textContent('main')).toContain("Devi disporre dell'autorizzazione");
  });

  it("switches to a referent's eyes: the comune's summary and nothing else", async () => {
    await lookAs('referent');
    expect(page.url()).toContain('/mail');
    const rows = page.locator('.mail-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.locator('.mail-read h2').textContent()).toContain('riepilogo');
    await shot('14-referente');
    await lookAs('staff');
  });

  it('moves time by an hour, a day, a week and to the next session, running the triggers on the way', async () => {
    await page.goto(`${base}/clock`);
    const before = await page.locator('#clock').textContent();
    await page.getByRole('button', { name: '+1 ora' }).click();
    await page.locator('p.flash').waitFor();
    expect(await page.locator('p.flash').textContent()).toMatch(/Orologio avanzato di 1 ora; trigger eseguiti: [1-9]/);
    expect(await page.locator('#clock').textContent()).not.toBe(before);
    await page.getByRole('button', { name: 'Prossima sessione' }).click();
    await page.locator('p.flash').waitFor();
    const triggers = await page.locator('#triggers tbody tr').allTextContents();
    expect(triggers.join('\n')).toContain('Ogni ora');
    expect(triggers.join('\n')).not.toContain('ON_EDIT');
    await shot('15-orologio');
  });

  it.each(['staff', 'employee', 'referent'] as const)(
    'opens every link of every page %s sees, and none leaves localhost',
    async (kind) => {
      await lookAs(kind);
      const seen = new Set<string>();
      const opened = new Map<string, number>();
      const queue = ['/', '/form', '/mail', '/calendar', '/calendar?view=week', '/drive', '/clock', '/attestati'];
      const bad: string[] = [];
      const pattern = (path: string): string => path.replace(/[?#].*$/, '').replace(/\/[^/]*\d[^/]*/g, '/:id');
      while (queue.length > 0 && opened.size < 400) {
        const path = queue.shift() as string;
        if (seen.has(path)) continue;
        seen.add(path);
        const k = pattern(path);
        if ((opened.get(k) ?? 0) >= 4) continue;
        opened.set(k, (opened.get(k) ?? 0) + 1);
        if (/^\/(drive\/raw\/|mail\/\d+\/\d+$)/.test(path)) {
          const file = await get(path);
          if (file.status() >= 400) bad.push(`${path} answered ${file.status()}`);
          continue;
        }
        const response = await page.goto(`${base}${path}`);
        const type = response?.headers()['content-type'] ?? '';
        if (!response || response.status() >= 400) bad.push(`${path} answered ${response?.status() ?? 'nothing'}`);
        if (!type.startsWith('text/html')) continue;
        const hrefs = await page.evaluate(() => {
          const all: string[] = [];
          const collect = (doc: Document): void => {
            for (const a of Array.from(doc.querySelectorAll('a[href]'))) all.push((a as HTMLAnchorElement).href);
            for (const f of Array.from(doc.querySelectorAll('iframe'))) {
              const inner = (f as HTMLIFrameElement).contentDocument;
              if (inner) collect(inner);
            }
          };
          collect(document);
          return all;
        });
        for (const href of hrefs) {
          if (href.startsWith('mailto:') || href === 'about:srcdoc' || href.startsWith('about:')) continue;
          if (!isLocal(href)) {
            bad.push(`${path} links to ${href}`);
            continue;
          }
          const u = new URL(href);
          if (u.pathname === '/non-disponibile') bad.push(`${path} links to a Google page the playground lacks`);
          if (u.pathname.startsWith('/assets/')) continue;
          queue.push(`${u.pathname}${u.search}`);
        }
      }
      expect(bad).toEqual([]);
      expect(opened.size).toBeGreaterThan(kind === 'referent' ? 3 : 8);
    },
  );
});
