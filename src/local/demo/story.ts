/**
 * One training year's story, told in order on an academy whose catalog is open: employees send the form
 * over the enrollment window (a few twice, some cancelling, a few from addresses nobody knows); staff
 * enroll a couple of people by hand; the calendar is synced; each month the courses that ended get
 * their attendance register ticked (about one absence in ten, a few partial hours), are set to
 * `Concluso` and get their certificates (a job that continues across executions as the clock moves
 * on); at the end of the year the reports are refreshed and the comuni get their summaries. Each step
 * reads what the steps before it left, the random draws included, so a seed replays it.
 */
import { HOUR_MS } from '../../core/time/units';
import { wallClock } from '../../core/time/zone';
import type { RegistryRows } from './academy';
import { choose, coursesOf, peopleOf } from './choices';
import { at, breathe, closingOf, dayOf, monthsBetween, windowDays, type Day } from './clock';
import type { YearDriver } from './driver';
import type { YearPlacement } from './placement';

export interface StoryOptions {
  /** Stop at this instant (the months after it not lived); the whole year without it. */
  until?: number;
  say: (line: string) => void;
}

/**
 * Lives the year of `placement` from the opening of its enrollment window, with the courses, sessions
 * and people of `registry` (the form already published with its open courses).
 */
export async function liveYear(
  y: YearDriver,
  registry: RegistryRows,
  placement: YearPlacement,
  options: StoryOptions,
): Promise<void> {
  const { random } = y;
  const fast = y.fast;
  const say = options.say;
  const endMs = options.until ?? Number.POSITIVE_INFINITY;
  const opens = dayOf(placement.enrollmentOpens);
  const courses = coursesOf(registry);
  const open = courses.filter((c) => c.status === 'Iscrizioni aperte');
  const people = peopleOf(registry).filter((p) => p.active);

  // Who sends the form and when: most employees, at random working hours over the window.
  const days = windowDays(placement.enrollmentOpens);
  const plan: Array<{ ms: number; email: string; courses: string[]; kind: 'enroll' | 'cancel' | 'unknown' }> = [];
  const slot = (): number => {
    const d = days[Math.floor(random() * days.length)] as Day;
    return at(d.year, d.month, d.day, 8, 30) + Math.floor(random() * 9 * HOUR_MS);
  };
  for (const p of people) {
    if (random() > 0.85) continue;
    const chosen = choose(p, open, random);
    if (chosen.length === 0) continue;
    const ms = slot();
    plan.push({ ms, email: p.email, courses: chosen, kind: 'enroll' });
    if (random() < 0.05)
      plan.push({
        ms: ms + 2 * HOUR_MS + Math.floor(random() * 3 * 24 * HOUR_MS),
        email: p.email,
        courses: [chosen[0] as string],
        kind: 'cancel',
      });
  }
  const unknown = Math.max(2, Math.round(people.length / 200));
  for (let i = 0; i < unknown; i++) {
    const c = open[Math.floor(random() * open.length)];
    if (c)
      plan.push({ ms: slot(), email: `utente${i + 1}.privato@gmail.example.com`, courses: [c.code], kind: 'unknown' });
  }
  plan.sort((a, b) => a.ms - b.ms);
  const lastDay = days[days.length - 1] as Day;
  const closeMs = at(lastDay.year, lastDay.month, lastDay.day, 18);
  say(`Iscrizioni: ${plan.length} invii del modulo dal ${opens.day}/${opens.month}/${opens.year}`);

  let done = 0;
  let evening = 0;
  const takeInTheDay = async (): Promise<void> => {
    await y.until(evening);
    y.reconcileNow();
  };
  for (const p of plan) {
    const when = Math.min(p.ms, closeMs);
    if (when > endMs) break;
    if (fast && when > evening) {
      if (evening > 0) await takeInTheDay();
      const w = wallClock(when);
      evening = at(w.year, w.month, w.day, 18);
    }
    await y.until(when);
    if (p.kind === 'cancel') {
      if (y.submit(p.email, p.courses, { action: 'Annullamento' })) y.stats.cancellations += 1;
    } else {
      const duplicate = random() < 0.03;
      if (duplicate) y.stats.duplicates += 1;
      if (p.kind === 'unknown') y.stats.unknownEmails += 1;
      // Someone the registry does not know (a new hire, a private address) types their own name and comune.
      const answers =
        p.kind === 'unknown'
          ? { Nome: 'Nuovo', Cognome: `Assunto ${p.email.slice(6, 7)}`, Comune: 'Crema' }
          : undefined;
      y.submit(p.email, p.courses, { duplicate, answers });
    }
    await breathe();
    done += 1;
    if (done % 100 === 0) say(`  ${done} di ${plan.length} invii elaborati`);
  }

  if (fast && evening > 0 && evening <= endMs) await takeInTheDay();

  // Staff enroll a couple of people who phoned in, and cancel one request by hand.
  if (closeMs <= endMs) {
    const late = people.filter((p) => !plan.some((q) => q.email === p.email)).slice(0, 2);
    for (const p of late) {
      const c = choose(p, open, random)[0];
      if (c && y.call('enrollManually', [p.email, c]).ok) y.stats.staffEnrollments += 1;
    }
    await y.until(closeMs);
  }

  // The window closes: courses become `Iscrizioni chiuse` only as they end; the calendar goes out now.
  const first = dayOf(placement.sessionsFrom);
  const syncMs = at(first.year, first.month, first.day, 8, 0);
  if (syncMs <= endMs) {
    await y.until(syncMs);
    say('Sincronizzazione del calendario');
    y.call('syncCalendar');
    await y.finishJobs();
  }

  // Month by month: the courses that ended get attendance, `Concluso` and certificates.
  const held = courses.filter((c) => c.status !== 'Bozza' && c.lastSession !== '');
  const lastSession = held.reduce((last, c) => (c.lastSession > last ? c.lastSession : last), placement.sessionsFrom);
  for (const month of monthsBetween(placement.sessionsFrom.slice(0, 7), lastSession.slice(0, 7))) {
    const closing = closingOf(month);
    if (closing > endMs) break;
    const ending = held.filter((c) => c.lastSession.slice(0, 7) === month);
    await y.until(closing);
    if (ending.length === 0) continue;
    say(
      `${month.slice(5, 7)}/${month.slice(0, 4)}: registro presenze, chiusura e attestati di ${ending.length} ${ending.length === 1 ? 'corso' : 'corsi'}`,
    );
    for (const c of ending) {
      y.call('prepareAttendance', [c.code]);
      y.tickAttendance(c.code);
      y.setCourseStatus(c.code, 'Concluso');
      y.stats.coursesConcluded += 1;
    }
    y.call('issueCertificates');
    await y.finishJobs();
  }

  // The reports once the last course is closed (or on the day the year stops), and the summaries to the comuni.
  say('Report e riepiloghi ai comuni');
  await y.until(Number.isFinite(endMs) ? Math.max(y.academy.now(), endMs - 3 * HOUR_MS) : y.academy.now() + HOUR_MS);
  y.call('refreshReports');
  y.call('sendComuniSummaries');
  await y.until(Number.isFinite(endMs) ? Math.max(y.academy.now(), endMs) : y.academy.now() + 2 * HOUR_MS);
  await y.finishJobs();
}
