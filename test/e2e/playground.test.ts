/**
 * The whole product in a real browser: `npm start`'s server on a free port with a fresh workbook (the
 * demo academy placed around 11 January 2027), the packaged Chromium of ./browser.ts driven by playwright-core. Staff work in the real sidebar (its
 * `google.script.run` bridged to the local runtime), an employee fills the form, and every effect is
 * checked where a person would see it: the tab, the outbox, the calendar, Drive. Any request leaving
 * localhost is blocked and fails the run. Screenshots go to test-artifacts/ (git-ignored).
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { nextStep, todayOf } from '../../sidebar/stages';
import type { Dashboard } from '../../src/gas/dashboard/types';
import { usePlaygroundInBrowser } from './playground-browser';

// The longest test (weeks of triggers, then the register ticked) took 47 s with four test runs sharing
// CI's two cores; the first start has its own allowance (./playground-browser.ts).
jest.setTimeout(180_000);

const STAFF = 'formazione@consorzio.example.it';
const START = '2027-01-11T09:00:00+01:00';

const session = usePlaygroundInBrowser({ start: START, employees: 60, actionTimeoutMs: 20_000 });
const { get, shot, snapshot } = session;
let base = '';
let context: BrowserContext;
let page: Page;

beforeAll(() => {
  ({ base, context, page } = session);
});

/** A course open for enrollment whose sessions are all ahead (chosen from the demo academy). */
let COURSE = '';
/** The next such course, still open when COURSE has been closed. */
let NEXT = '';

async function sidebar(): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#sidebar');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  await frame.waitForSelector('#actions', { timeout: 30_000 });
  return frame;
}

/** Clicks a workflow button in the sidebar and waits for the outcome on the status line. */
async function runWorkflow(frame: Frame, label: string): Promise<string> {
  await frame.getByRole('button', { name: label, exact: true }).click();
  return outcomeOf(frame, label);
}

/** A workflow that mails people: its button shows a preview first, whose confirming button runs it. */
async function runPreviewed(frame: Frame, label: string): Promise<string> {
  await frame.getByRole('button', { name: label, exact: true }).click();
  await frame
    .locator('#preview')
    .getByRole('button', { name: /^Conferma/ })
    .click();
  return outcomeOf(frame, label);
}

async function outcomeOf(frame: Frame, label: string): Promise<string> {
  await frame.waitForFunction(
    (l) => {
      const status = document.getElementById('status')?.textContent ?? '';
      const error = document.getElementById('error');
      return (status.startsWith(`${l}:`) && !status.includes('in corso…')) || (error !== null && !error.hidden);
    },
    label,
    { timeout: 60_000 },
  );
  const error = await frame.locator('#error').evaluate((e) => ((e as HTMLElement).hidden ? '' : (e.textContent ?? '')));
  if (error) throw new Error(`${label} failed in the sidebar: ${error}`);
  // The dashboard reloads after a workflow: wait until it has, so the next click finds its button.
  await frame.waitForFunction(() => document.getElementById('content')?.getAttribute('aria-busy') !== 'true');
  return (await frame.locator('#status').textContent()) ?? '';
}

describe('the playground in Chromium', () => {
  let employee: { email: string; nome: string; cognome: string; comune: string };

  it('shows the demo workbook beside the real sidebar, whose dashboard loads in one call', async () => {
    await page.goto(`${base}/?tab=Comuni`);
    await page.locator('#grid').waitFor();
    expect(await page.locator('#grid tr').count()).toBeGreaterThan(40);
    const snap = await snapshot();
    const firstSession = new Map<string, string>();
    for (const s of snap.sheets['Sessioni']?.rows ?? []) {
      const code = String(s.Corso);
      const day = String(s.Data).slice(0, 10);
      if (!firstSession.has(code) || day < (firstSession.get(code) ?? '')) firstSession.set(code, day);
    }
    // The first course ahead: its sessions are the next ones, so the clock soon gets past them.
    const open = (snap.sheets['Corsi']?.rows ?? [])
      .filter(
        (c) =>
          c.Stato === 'Iscrizioni aperte' &&
          c.Destinatari === '' &&
          (firstSession.get(String(c.Codice)) ?? '') > START.slice(0, 10),
      )
      .sort((a, b) =>
        (firstSession.get(String(a.Codice)) ?? '').localeCompare(firstSession.get(String(b.Codice)) ?? ''),
      );
    COURSE = String(open[0]?.Codice ?? '');
    NEXT = String(open[1]?.Codice ?? '');
    expect(COURSE).not.toBe('');
    expect(NEXT).not.toBe('');
    const frame = await sidebar();
    await frame.locator('#counts').waitFor();
    expect(await frame.locator('#counts').textContent()).toContain('Dipendenti attivi');
    await shot('01-playground');
  });

  it('runs Configura and publishes the form from the sidebar', async () => {
    const frame = await sidebar();
    expect(await runWorkflow(frame, 'Configura')).toMatch(/^Configura: /);
    const published = await runWorkflow(frame, 'Pubblica modulo');
    expect(published).toMatch(/^Pubblica modulo: /);
    await frame.getByRole('link', { name: 'il modulo pubblicato' }).waitFor();
  });

  it('lets an employee enroll through the form: the row appears in Iscrizioni and the mail in the outbox', async () => {
    const people = (await snapshot()).sheets['Dipendenti']?.rows ?? [];
    const someone = people.find((r) => r.Attivo === true && r.Ruolo === 'Dipendente');
    if (!someone) throw new Error('no active employee in the demo');
    employee = {
      email: String(someone.Email),
      nome: String(someone.Nome),
      cognome: String(someone.Cognome),
      comune: String(someone.Comune),
    };
    await page.goto(`${base}/form`);
    await page.getByLabel('Email', { exact: true }).fill(employee.email);
    await page.getByLabel('Nome', { exact: true }).fill(employee.nome);
    await page.getByLabel('Cognome', { exact: true }).fill(employee.cognome);
    await page.getByLabel('Comune', { exact: true }).selectOption(employee.comune);
    await page.locator(`input[type="checkbox"][value^="${COURSE} "]`).check();
    await page.getByLabel('Iscrizione', { exact: true }).check();
    await page.locator('fieldset', { hasText: 'Consenso' }).locator('input[type="checkbox"]').check();
    await shot('02-form');
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.locator('.error').count()).toBe(0);

    await page.goto(`${base}/?tab=Iscrizioni`);
    const row = page.locator('#grid tr', { hasText: employee.email }).filter({ hasText: COURSE });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Confermata|In attesa/);
    await shot('03-iscrizioni');

    await page.goto(`${base}/mail?q=${encodeURIComponent(employee.email)}`);
    const mail = page.locator(`.mail-row[data-to="${employee.email}"]`);
    await mail.first().click();
    await page.locator(`article.mail[data-to="${employee.email}"]`).waitFor();
    // The body is HTML, shown in a sandboxed frame: its source is the frame's srcdoc.
    const shown = await page
      .locator(`article.mail[data-to="${employee.email}"]`)
      .evaluate((a) => `${a.textContent ?? ''} ${a.querySelector('iframe')?.getAttribute('srcdoc') ?? ''}`);
    expect(shown).toContain(COURSE);
    await shot('04-posta');
  });

  it('syncs the calendar for the course: events with the employee invited', async () => {
    await page.goto(base);
    const frame = await sidebar();
    await frame.getByLabel(/^Corso/).selectOption(COURSE);
    // The sync mails the guests, so its button shows the plan first. The enrollment's own attendee
    // update may already have brought the events up to date: then the plan is empty and only closes.
    await frame.getByRole('button', { name: 'Sincronizza calendario', exact: true }).click();
    const preview = frame.locator('#preview');
    await preview.getByRole('heading', { name: `Anteprima: Sincronizza calendario (${COURSE})` }).waitFor();
    expect(await preview.textContent()).toMatch(/eventi da creare|Calendario già aggiornato/);
    await preview
      .getByRole('button', { name: /^Conferma: sincronizzazione/ })
      .or(preview.getByRole('button', { name: 'Chiudi anteprima' }))
      .first()
      .click();
    await preview.waitFor({ state: 'hidden' });
    await frame.waitForFunction(
      () =>
        document.getElementById('content')?.getAttribute('aria-busy') !== 'true' &&
        !(document.getElementById('status')?.textContent ?? '').includes('in corso'),
    );
    const event = (await snapshot()).calendar.find((e) => e.sessionId.startsWith(`${COURSE}-`));
    expect(event?.attendees).toContain(employee.email);
    await page.goto(`${base}/calendar/event?id=${encodeURIComponent(event?.id ?? '')}`);
    expect(await page.locator('#event .attendees').textContent()).toContain(employee.email);
    await shot('05-calendario');
  });

  it('prepares the attendance register and ticks the employee present in every session', async () => {
    // The course is ahead: time moves past its last session (triggers run on the way), staff close it.
    const snap = await snapshot();
    const days = (snap.sheets['Sessioni']?.rows ?? [])
      .filter((r) => r.Corso === COURSE)
      .map((r) => Date.parse(String(r.Data)));
    const status = (await (await get('/api/status')).json()) as { now: string };
    const minutes = Math.ceil((Math.max(...days) + 2 * 86_400_000 - Date.parse(status.now)) / 60_000);
    // Weeks of hourly and daily triggers run on the way: the answer waits for all of them.
    const moved = await context.request.post(`${base}/api/advance`, { data: { minutes }, timeout: 0 });
    expect(((await moved.json()) as { failed: number }).failed).toBe(0);
    const row = (snap.sheets['Corsi']?.rows ?? []).findIndex((c) => c.Codice === COURSE) + 2;
    const closed = await context.request.post(`${base}/api/edit`, {
      data: { tab: 'Corsi', row, column: 'Stato', value: 'Concluso' },
    });
    expect(((await closed.json()) as { ok: boolean }).ok).toBe(true);
    await page.goto(base);
    const frame = await sidebar();
    await frame.getByLabel(/^Corso/).selectOption(COURSE);
    await runWorkflow(frame, 'Prepara registro presenze');
    await page.goto(`${base}/?tab=Presenze`);
    const boxes = page.locator('#grid tr', { hasText: employee.email }).locator('input[type="checkbox"]');
    await boxes.first().waitFor();
    const n = await boxes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i += 1) {
      const box = page.locator('#grid tr', { hasText: employee.email }).locator('input[type="checkbox"]').nth(i);
      // The tick is saved, the edit trigger runs, then the tab is read again: wait for that round trip.
      await Promise.all([page.waitForResponse((r) => r.url().includes('/workbook?')), box.check()]);
      await page.waitForFunction(
        ([email, index]) => {
          const rows = Array.from(document.querySelectorAll('#grid tr')).filter((r) =>
            r.textContent?.includes(email as string),
          );
          const input = rows[index as number]?.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
          return input !== null && input.checked && !document.querySelector('#grid input[type="text"]');
        },
        [employee.email, i] as const,
      );
    }
    const presenze = (await snapshot()).sheets['Presenze']?.rows.filter((r) => r.Email === employee.email) ?? [];
    expect(presenze.length).toBe(n);
    expect(presenze.every((r) => r.Presente === true)).toBe(true);
    await shot('06-presenze');
  });

  it('issues the certificate from the sidebar and opens its PDF from Drive', async () => {
    // Certificates are issued for a course staff have set to «Concluso».
    const corsi = (await snapshot()).sheets['Corsi']?.rows ?? [];
    const row = corsi.findIndex((r) => r.Codice === COURSE) + 2;
    await context.request.post(`${base}/api/edit`, { data: { tab: 'Corsi', row, column: 'Stato', value: 'Concluso' } });
    await page.goto(base);
    const frame = await sidebar();
    await frame.getByLabel(/^Corso/).selectOption(COURSE);
    await runPreviewed(frame, 'Emetti attestati');
    await frame.waitForFunction(() => !document.querySelector('#jobs')?.textContent?.includes('in corso'), undefined, {
      timeout: 60_000,
    });
    await shot('07-attestati');
    const file = (await snapshot()).drive.find((f) => f.path.includes(`/${COURSE}/`) && f.name.endsWith('.pdf'));
    expect(file).toBeDefined();
    await page.goto(`${base}/drive/file/${encodeURIComponent(file?.id ?? '')}`);
    await page.locator('#pdf[data-pages]').waitFor();
    const pdf = await get(`/drive/raw/${encodeURIComponent(file?.id ?? '')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot('08-drive');
    await page.goto(`${base}/mail?q=${encodeURIComponent(employee.email)}`);
    const withAttachment = page.locator(`.mail-row[data-to="${employee.email}"]`, { hasText: '⎘' });
    await withAttachment.first().waitFor();
    const certificate = (await snapshot()).sheets['Attestati']?.rows.find((r) => r.Email === employee.email);
    const code = String(certificate?.['Codice verifica'] ?? '');
    expect(code).not.toBe('');
    await page.goto(`${base}/webapp?verifica=${encodeURIComponent(code)}`);
    expect(await page.textContent('body')).toContain(String(certificate?.Numero ?? ''));
    await shot('09-verifica');
  });

  it('refreshes the reports and sends the summaries to the comuni from the sidebar', async () => {
    await page.goto(base);
    const frame = await sidebar();
    expect(await runWorkflow(frame, 'Aggiorna report')).toMatch(/^Aggiorna report: /);
    expect(await runPreviewed(frame, 'Invia riepilogo ai comuni')).toMatch(/^Invia riepilogo ai comuni: /);
    // The retention run erases, so its button only shows a preview. The demo leaves «Anni di
    // conservazione» empty: the preview says nothing is due and offers nothing to confirm.
    const status = await frame.locator('#status').textContent();
    await frame.getByRole('button', { name: 'Applica conservazione dati', exact: true }).click();
    await frame.locator('#preview', { hasText: '«Anni di conservazione» è vuoto' }).waitFor();
    expect(
      await frame
        .locator('#preview')
        .getByRole('button', { name: /^Conferma/ })
        .count(),
    ).toBe(0);
    expect(await frame.locator('#status').textContent()).toBe(status);
    await page.goto(`${base}/?tab=${encodeURIComponent('Report dipendenti')}`);
    expect(await page.locator('#grid tr').count()).toBeGreaterThan(1);
    const active = (await snapshot()).sheets['Dipendenti']?.rows.filter((r) => r.Attivo === true).length ?? 0;
    expect((await snapshot()).sheets['Report dipendenti']?.rows.length).toBeGreaterThanOrEqual(active);
  });

  it('shows the course view with the enrollment and its actions', async () => {
    // The course was closed for its certificates; staff reopen it to take one more person by hand.
    const corsi = (await snapshot()).sheets['Corsi']?.rows ?? [];
    const row = corsi.findIndex((r) => r.Codice === COURSE) + 2;
    await context.request.post(`${base}/api/edit`, {
      data: { tab: 'Corsi', row, column: 'Stato', value: 'Iscrizioni aperte' },
    });
    await page.goto(base);
    const frame = await sidebar();
    await frame.getByLabel('Cerca un corso').fill(COURSE);
    await frame.locator(`button[data-course="${COURSE}"]`).click();
    await frame.locator('#course-view').waitFor();
    const confirmed = frame.locator('li[data-enrollment]', { hasText: employee.email });
    await confirmed.waitFor();
    expect(await confirmed.getByRole('button', { name: 'Annulla iscrizione' }).count()).toBe(1);
    await shot('10-corso');

    // Staff enrol a colleague from the view of a course still open, with the form's rules.
    const snap = await snapshot();
    const enrolled = new Set(
      (snap.sheets['Iscrizioni']?.rows ?? []).filter((r) => r.Corso === NEXT).map((r) => String(r.Email)),
    );
    const colleague = (snap.sheets['Dipendenti']?.rows ?? []).find(
      (r) =>
        r.Attivo === true && r.Ruolo === 'Dipendente' && r.Email !== employee.email && !enrolled.has(String(r.Email)),
    );
    expect(colleague).toBeDefined();
    const email = String(colleague?.Email ?? '');
    await page.goto(base);
    const next = await sidebar();
    await next.locator(`button[data-course="${NEXT}"]`).click();
    await next.locator('#course-view').waitFor();
    await next.getByLabel('Iscrivi un dipendente (email)').fill(email.toUpperCase());
    await next.getByRole('button', { name: 'Iscrivi', exact: true }).click();
    await next.locator('li[data-enrollment]', { hasText: email }).waitFor();
    expect(await next.locator('#status').textContent()).toMatch(/^Iscrizione di /);
    const rows = (await snapshot()).sheets['Iscrizioni']?.rows ?? [];
    expect(rows.find((r) => r.Email === email && r.Corso === NEXT)).toMatchObject({
      Corso: NEXT,
      Stato: 'Confermata',
      Origine: 'Manuale',
    });
    await shot('10b-iscrizione-manuale');

    // As on Google, a page runs at most 10 server calls at once: the others wait their turn.
    const queue = await next.evaluate(
      () =>
        new Promise<{ first: { running: number; waiting: number }; answered: number }>((done) => {
          type Runner = { withSuccessHandler(h: () => void): Record<string, () => void> };
          const w = window as unknown as {
            google: { script: { run: Runner } };
            __a4paInFlight(): { running: number; waiting: number };
          };
          let answered = 0;
          for (let i = 0; i < 15; i++) {
            w.google.script.run
              .withSuccessHandler(() => {
                answered += 1;
                if (answered === 15) done({ first, answered });
              })
              .getJobsProgress();
          }
          const first = w.__a4paInFlight();
        }),
    );
    expect(queue).toEqual({ first: { running: 10, waiting: 5 }, answered: 15 });
  });

  it('refuses, in Italian, the sidebar of someone who is not staff', async () => {
    await page.goto(`${base}/?as=${encodeURIComponent(employee.email)}`);
    const handle = await page.waitForSelector('iframe#sidebar');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no sidebar frame');
    const alert = frame.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('riservata allo staff della formazione');
    // As on Google, an argument that is not a primitive, plain object or array fails the call in the page.
    const refusedDate = await frame.evaluate(
      () =>
        new Promise<string>((done) => {
          type Runner = { withFailureHandler(h: (e: Error) => void): Record<string, (...args: unknown[]) => void> };
          const { run } = (window as unknown as { google: { script: { run: Runner } } }).google.script;
          run.withFailureHandler((e) => done(e.message)).getCourseView(new Date());
        }),
    );
    expect(refusedDate).toContain('illegal value');
    await shot('11-rifiuto');
    const staff = await context.request.post(`${base}/api/run`, {
      data: { fn: 'cancelEnrollment', args: ['I99999'], as: STAFF },
    });
    const refused = (await staff.json()) as { ok: boolean; error: string };
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain("L'iscrizione I99999 non esiste");
  });
  it('lists a bad cell typed in a tab under «Da correggere» and shows it when asked', async () => {
    await page.goto(`${base}/?tab=Corsi`);
    const cell = page.locator('#grid td[data-row="5"][data-col="Posti"]');
    await cell.click();
    const input = cell.locator('input[type="text"]');
    await input.fill('tanti');
    // The sidebar loads its dashboard as the page opens; when that call ends during the edit, the grid's
    // refresh must wait for the edit instead of replacing the cell being typed in.
    const replaced = await page.evaluate(async () => {
      const before = document.querySelector('#grid td[data-row="5"][data-col="Posti"] input');
      await new Promise<void>((done) => {
        window.addEventListener('message', () => setTimeout(done, 0), { once: true });
        window.postMessage({ type: 'a4pa-ran', fn: 'getDashboard' }, window.location.origin);
      });
      // A refresh started by the message would answer before this later request to the same server.
      await (await fetch('/workbook?tab=Corsi&page=1')).text();
      await new Promise((done) => requestAnimationFrame(done));
      return document.querySelector('#grid td[data-row="5"][data-col="Posti"] input') !== before;
    });
    expect(replaced).toBe(false);
    expect(await input.inputValue()).toBe('tanti');
    // Nor when the refresh started before the edit and its answer arrives during it.
    await input.press('Escape');
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/workbook?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate(() => window.postMessage({ type: 'a4pa-ran', fn: 'getDashboard' }, window.location.origin));
    await cell.click();
    await input.fill('tanti');
    const answered = page.waitForResponse((r) => r.url().includes('/workbook?'));
    release();
    await answered;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    await page.unroute('**/workbook?*');
    expect(await input.inputValue()).toBe('tanti');
    await Promise.all([page.waitForResponse((r) => r.url().includes('/workbook?')), input.press('Enter')]);
    const frame = await sidebar();
    await frame.getByRole('button', { name: 'Aggiorna', exact: true }).click();
    const problem = frame.locator('#problems li', { hasText: 'Corsi, riga 5, Posti' });
    await problem.waitFor();
    await shot('12-da-correggere');
    await problem.getByRole('button', { name: /Mostra la cella/ }).click();
    const active = page.locator('#grid td.active');
    await active.waitFor();
    expect(await active.getAttribute('data-row')).toBe('5');
    expect(await active.getAttribute('data-col')).toBe('Posti');
    expect(await page.locator('#tab-title').textContent()).toBe('Corsi');
  });
  it('puts «Da correggere» first, highlights the next step by stage, filters the courses and takes a full course only on a second click', async () => {
    // The previous check left «tanti» in Corsi row 5: it is listed first, and the next step is to fix it.
    await page.goto(base);
    const frame = await sidebar();
    expect(await frame.locator('#content > section').first().getAttribute('id')).toBe('problems');
    expect(await frame.locator('#next-step').textContent()).toContain('Correggere le righe segnalate');
    expect(await frame.locator('#actions button.next').count()).toBe(0);
    expect(
      await frame.locator('#actions .stage').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage'))),
    ).toEqual(['preparazione', 'iscrizioni', 'svolgimento', 'chiusura', 'report']);

    // Fixed, and the course NEXT made full: the next step is the dashboard's own rule, highlighted once.
    await context.request.post(`${base}/api/edit`, { data: { tab: 'Corsi', row: 5, column: 'Posti', value: '20' } });
    const before = await snapshot();
    const confirmed = (before.sheets['Iscrizioni']?.rows ?? []).filter(
      (r) => r.Corso === NEXT && r.Stato === 'Confermata',
    ).length;
    expect(confirmed).toBeGreaterThan(0);
    const nextRow = (before.sheets['Corsi']?.rows ?? []).findIndex((r) => r.Codice === NEXT) + 2;
    await context.request.post(`${base}/api/edit`, {
      data: { tab: 'Corsi', row: nextRow, column: 'Posti', value: String(confirmed) },
    });
    const dashboard = (await (
      await context.request.post(`${base}/api/run`, { data: { fn: 'getDashboard', args: [], as: STAFF } })
    ).json()) as { value: Dashboard };
    const step = nextStep(dashboard.value, todayOf(dashboard.value));
    await page.goto(base);
    const fixed = await sidebar();
    expect(await fixed.locator('#problems').count()).toBe(0);
    expect(await fixed.locator('#next-step').textContent()).toContain(step.text);
    expect(
      await fixed.locator('#actions button.next').evaluateAll((els) => els.map((e) => e.getAttribute('data-fn'))),
    ).toEqual(step.workflow ? [step.workflow] : []);

    // The course list: found by its code among the open courses, gone under «Conclusi».
    await fixed.getByLabel('Cerca un corso').fill(NEXT);
    await fixed.getByLabel('Mostra').selectOption('conclusi');
    await fixed.locator(`button[data-course="${NEXT}"]`).waitFor({ state: 'detached' });
    await fixed.getByLabel('Mostra').selectOption('aperti');
    await fixed.locator(`button[data-course="${NEXT}"]`).click();
    await fixed.locator('#course-view').waitFor();

    // Full: the first click only asks, the second enrols past Posti.
    const taken = new Set(
      (before.sheets['Iscrizioni']?.rows ?? []).filter((r) => r.Corso === NEXT).map((r) => String(r.Email)),
    );
    const someone = (before.sheets['Dipendenti']?.rows ?? []).find(
      (r) => r.Attivo === true && r.Ruolo === 'Dipendente' && !taken.has(String(r.Email)),
    );
    const email = String(someone?.Email ?? '');
    expect(email).not.toBe('');
    await fixed.getByLabel('Iscrivi un dipendente (email)').fill(email);
    const over = fixed.getByRole('button', { name: 'Iscrivi oltre i posti', exact: true });
    await over.click();
    const confirm = fixed.getByRole('button', {
      name: `Conferma: posto in più (${confirmed + 1} su ${confirmed})`,
      exact: true,
    });
    await confirm.waitFor();
    expect((await snapshot()).sheets['Iscrizioni']?.rows.some((r) => r.Email === email && r.Corso === NEXT)).toBe(
      false,
    );
    await confirm.click();
    await fixed.locator('li[data-enrollment]', { hasText: email }).waitFor();
    expect(
      (await snapshot()).sheets['Iscrizioni']?.rows.find((r) => r.Email === email && r.Corso === NEXT),
    ).toMatchObject({ Stato: 'Confermata', Origine: 'Manuale' });
    await shot('13-oltre-i-posti');
  });
});
