import { Runtime } from '../../runtime/runtime';
import { isoInZone } from '../../../core/time/zone';
import { triggerState } from '../../runtime/triggers';
import { Workspace } from '../../runtime/workspace';
import { scriptGlobals } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

/** Wednesday 3 February 2027, 10:20 in Rome. */
const WEDNESDAY = Date.parse('2027-02-03T10:20:00+01:00');

function scriptApp(startMs = WEDNESDAY): { ws: Workspace; ScriptApp: any } {
  const ws = Workspace.create({ startMs });
  return { ws, ScriptApp: scriptGlobals(ws).ScriptApp };
}

function nextRun(ws: Workspace): string {
  return isoInZone(triggerState(ws).triggers[0]?.nextAtMs as number);
}

describe('week-day clock triggers', () => {
  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('onWeekDay with atHour is due on the next such day at that Rome hour; nearMinute sets the minute', () => {
    const { ws, ScriptApp } = scriptApp();
    ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).nearMinute(30).create();
    expect(nextRun(ws)).toBe('2027-02-08T09:30:00+01:00');
    expect(triggerState(ws).triggers[0]?.everyMs).toBe(7 * 86_400_000);
    expect(String(ScriptApp.WeekDay.FRIDAY)).toBe('FRIDAY');
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('today counts when its hour is still ahead; without atHour the time of day it was made is kept', () => {
    const { ws, ScriptApp } = scriptApp();
    ScriptApp.newTrigger('today').timeBased().onWeekDay(ScriptApp.WeekDay.WEDNESDAY).atHour(18).create();
    expect(nextRun(ws)).toBe('2027-02-03T18:00:00+01:00');
    const other = scriptApp();
    other.ScriptApp.newTrigger('friday').timeBased().onWeekDay(other.ScriptApp.WeekDay.FRIDAY).create();
    expect(nextRun(other.ws)).toBe('2027-02-05T10:20:00+01:00');
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('everyWeeks(n) alone keeps the day it was made; with onWeekDay it runs every n weeks on that day', () => {
    const { ws, ScriptApp } = scriptApp();
    ScriptApp.newTrigger('fortnight').timeBased().everyWeeks(2).onWeekDay(ScriptApp.WeekDay.TUESDAY).atHour(7).create();
    expect(nextRun(ws)).toBe('2027-02-09T07:00:00+01:00');
    expect(triggerState(ws).triggers[0]?.everyMs).toBe(14 * 86_400_000);
    const other = scriptApp();
    other.ScriptApp.newTrigger('weekly').timeBased().everyWeeks(1).atHour(8).create();
    expect(nextRun(other.ws)).toBe('2027-02-10T08:00:00+01:00');
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('combinations Google refuses are refused at create(), and bad arguments at once', () => {
    const { ScriptApp } = scriptApp();
    const clock = (): any => ScriptApp.newTrigger('f').timeBased();
    expect(() => clock().everyDays(1).onWeekDay(ScriptApp.WeekDay.MONDAY).create()).toThrow('only one schedule');
    expect(() => clock().everyHours(2).everyWeeks(1).create()).toThrow('only one schedule');
    expect(() => clock().everyHours(2).atHour(6).create()).toThrow('atHour() can only be used');
    expect(() => clock().everyDays(1).nearMinute(10).create()).toThrow('nearMinute() can only be used with atHour()');
    expect(() => clock().onWeekDay('MONDAYS')).toThrow('Invalid argument: day');
    expect(() => clock().everyWeeks(0)).toThrow('Invalid argument: everyWeeks');
    expect(() => clock().everyDays(1.5)).toThrow('Invalid argument: everyDays');
    expect(() => clock().atHour(24)).toThrow('Invalid argument: hour');
    expect(() => clock().nearMinute(60)).toThrow('Invalid argument: minute');
  });
});

describe("the emulator's clock fires week-day triggers", () => {
  const SCRIPT = `
function install() {
  ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).create();
}
function weekly() {
  var runs = PropertiesService.getScriptProperties().getProperty('runs') || '';
  PropertiesService.getScriptProperties().setProperty('runs', runs + Utilities.formatDate(new Date(), 'Europe/Rome', 'EEE d MMM HH:mm') + ';');
}`;

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('a Monday 9:00 trigger runs each Monday at 9:00 Rome time, across the March clock change', () => {
    const ws = Workspace.create({ startMs: Date.parse('2027-03-17T12:00:00+01:00') });
    const rt = new Runtime(ws, SCRIPT);
    expect(rt.run('install').ok).toBe(true);
    const runs = rt.advance(21 * 86_400_000);
    expect(runs.map((r) => r.ok)).toEqual([true, true, true]);
    const log = scriptGlobals(ws).PropertiesService.getScriptProperties().getProperty('runs');
    expect(log).toBe('Mon 22 Mar 09:00;Mon 29 Mar 09:00;Mon 5 Apr 09:00;');
  });
});

describe('month-day clock triggers', () => {
  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('onMonthDay with atHour is due on that day at that Rome hour, today included while it is ahead', () => {
    const later = scriptApp();
    later.ScriptApp.newTrigger('mid').timeBased().onMonthDay(15).atHour(7).create();
    expect(nextRun(later.ws)).toBe('2027-02-15T07:00:00+01:00');
    const today = scriptApp();
    today.ScriptApp.newTrigger('today').timeBased().onMonthDay(3).atHour(18).create();
    expect(nextRun(today.ws)).toBe('2027-02-03T18:00:00+01:00');
    const passed = scriptApp();
    passed.ScriptApp.newTrigger('next').timeBased().onMonthDay(3).atHour(9).nearMinute(15).create();
    expect(nextRun(passed.ws)).toBe('2027-03-03T09:15:00+01:00');
    const noHour = scriptApp();
    noHour.ScriptApp.newTrigger('kept').timeBased().onMonthDay(20).create();
    expect(nextRun(noHour.ws)).toBe('2027-02-20T10:20:00+01:00');
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('onMonthDay takes a day of 1 to 31 and no second schedule', () => {
    const { ScriptApp } = scriptApp();
    const clock = (): any => ScriptApp.newTrigger('f').timeBased();
    expect(() => clock().onMonthDay(1).everyDays(1).create()).toThrow('only one schedule');
    expect(() => clock().onMonthDay(1).onWeekDay(ScriptApp.WeekDay.MONDAY).create()).toThrow('only one schedule');
    for (const day of [0, 32, 1.5]) expect(() => clock().onMonthDay(day)).toThrow('Invalid argument: day');
  });

  const SCRIPT = `
function install() {
  ScriptApp.newTrigger('monthly').timeBased().onMonthDay(31).atHour(9).create();
}
function monthly() {
  var runs = PropertiesService.getScriptProperties().getProperty('runs') || '';
  PropertiesService.getScriptProperties().setProperty('runs', runs + Utilities.formatDate(new Date(), 'Europe/Rome', 'd MMM HH:mm') + ';');
}`;

  function runsOver(variant: 'strict' | 'lenient', days: number): string | null {
    const ws = Workspace.create({ startMs: Date.parse('2027-01-10T12:00:00+01:00'), variant });
    const rt = new Runtime(ws, SCRIPT);
    expect(rt.run('install').ok).toBe(true);
    expect(rt.advance(days * 86_400_000).every((r) => r.ok)).toBe(true);
    return scriptGlobals(ws).PropertiesService.getScriptProperties().getProperty('runs');
  }

  // catalogue: SCRIPT-MONTH-DAY-SHORT
  test('a day-31 trigger skips shorter months strictly and runs on their last day leniently', () => {
    expect(runsOver('strict', 120)).toBe('31 Jan 09:00;31 Mar 09:00;');
    expect(runsOver('lenient', 120)).toBe('31 Jan 09:00;28 Feb 09:00;31 Mar 09:00;30 Apr 09:00;');
  });
});
