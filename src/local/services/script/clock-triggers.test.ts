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
