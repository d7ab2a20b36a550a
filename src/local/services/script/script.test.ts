import { Runtime } from '../../runtime/runtime';
import { triggerState } from '../../runtime/triggers';
import { Execution, TIME_LIMIT_MESSAGE, Workspace } from '../../runtime/workspace';
import { formsGlobals, hostSubmit } from '../forms';
import { createSpreadsheet } from '../spreadsheet';
import { holdScriptLock, logLines, scriptGlobals, snapshotTriggers, webAppUrl } from '.';

const START = Date.parse('2027-02-01T09:00:00+01:00');

function setup(startMs = START): { ws: Workspace; g: ReturnType<typeof scriptGlobals> } {
  const ws = Workspace.create({ startMs });
  return { ws, g: scriptGlobals(ws) };
}

function inExecution<T>(
  ws: Workspace,
  user: string,
  body: () => T,
  kind: 'call' | 'trigger' | 'webapp' | 'simple' = 'call',
): T {
  const exec = new Execution(kind, user, ws.now());
  ws.execution = exec;
  try {
    return body();
  } finally {
    for (const hook of ws.endHooks) hook(exec);
    ws.execution = null;
  }
}

describe('ScriptApp triggers', () => {
  // catalogue: SCRIPT-INSTALLABLE-TRIGGERS
  test('a form-submit trigger is recorded with its form as source and listed by getProjectTriggers', () => {
    const { ws, g } = setup();
    const trigger = g.ScriptApp.newTrigger('onFormSubmit').forForm('FORM-1').onFormSubmit().create();
    expect(trigger.getHandlerFunction()).toBe('onFormSubmit');
    expect(trigger.getEventType()).toBe(g.ScriptApp.EventType.ON_FORM_SUBMIT);
    expect(trigger.getTriggerSource()).toBe(g.ScriptApp.TriggerSource.FORMS);
    expect(trigger.getTriggerSourceId()).toBe('FORM-1');
    expect(g.ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    expect(snapshotTriggers(ws)).toEqual([{ handler: 'onFormSubmit', type: 'ON_FORM_SUBMIT' }]);
    expect(ws.counts.Script).toBe(3);
  });

  // catalogue: SCRIPT-INSTALLABLE-TRIGGERS
  test('a spreadsheet trigger takes the spreadsheet object and reports SPREADSHEETS as its source', () => {
    const { g } = setup();
    const ss = { getId: () => 'SS-1' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const trigger = g.ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect(trigger.getTriggerSource()).toBe('SPREADSHEETS');
    expect(trigger.getEventType()).toBe('ON_EDIT');
    expect(g.ScriptApp.getUserTriggers(ss)).toHaveLength(1);
  });

  // catalogue: SCRIPT-INSTALLABLE-TRIGGERS
  test('deleteTrigger removes the trigger', () => {
    const { ws, g } = setup();
    const a = g.ScriptApp.newTrigger('a').timeBased().after(60_000).create();
    g.ScriptApp.newTrigger('b').timeBased().everyMinutes(5).create();
    g.ScriptApp.deleteTrigger(a);
    expect(snapshotTriggers(ws)).toEqual([{ handler: 'b', type: 'CLOCK' }]);
  });

  // catalogue: QUOTA-TRIGGERS
  test('the 21st trigger of a user throws Google message', () => {
    const { g } = setup();
    for (let i = 0; i < 20; i++) g.ScriptApp.newTrigger(`job${i}`).timeBased().everyHours(1).create();
    expect(() => g.ScriptApp.newTrigger('one-too-many').timeBased().after(1000).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  // catalogue: QUOTA-TRIGGERS
  test('the trigger cap counts per user', () => {
    const { ws, g } = setup();
    for (let i = 0; i < 20; i++) g.ScriptApp.newTrigger(`job${i}`).timeBased().everyHours(1).create();
    inExecution(ws, 'altro@consorzio.example.it', () => {
      expect(g.ScriptApp.getProjectTriggers()).toHaveLength(0);
      g.ScriptApp.newTrigger('mine').timeBased().after(1000).create();
    });
    expect(triggerState(ws).triggers).toHaveLength(21);
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('everyMinutes accepts only 1, 5, 10, 15 and 30; everyHours only 1, 2, 4, 6, 8 and 12', () => {
    const { g } = setup();
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow(/everyMinutes.*1, 5, 10, 15 or 30/);
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow(/everyHours/);
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(15).create()).not.toThrow();
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('a one-shot trigger is due once: it has no period, so the runtime clears nextAtMs after firing it', () => {
    const { ws, g } = setup();
    g.ScriptApp.newTrigger('continueJob').timeBased().after(90_000).create();
    const [record] = triggerState(ws).triggers;
    expect(record.nextAtMs).toBe(ws.now() + 90_000);
    expect(record.everyMs).toBeNull();
    expect(record.type).toBe('CLOCK');
    expect(record.sourceId).toBeNull();
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('at(date) schedules a one-shot at that instant', () => {
    const { ws, g } = setup();
    const when = new Date(START + 3 * 3_600_000);
    g.ScriptApp.newTrigger('later').timeBased().at(when).create();
    expect(triggerState(ws).triggers[0]).toMatchObject({ nextAtMs: when.getTime(), everyMs: null });
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('a recurring trigger keeps its period', () => {
    const { ws, g } = setup();
    g.ScriptApp.newTrigger('reconcile').timeBased().everyMinutes(10).create();
    expect(triggerState(ws).triggers[0]).toMatchObject({ nextAtMs: ws.now() + 600_000, everyMs: 600_000 });
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('a daily trigger at an hour is due at that Rome wall-clock time, across the DST change', () => {
    const { ws, g } = setup(Date.parse('2027-03-27T12:00:00+01:00'));
    g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();
    expect(triggerState(ws).triggers[0].nextAtMs).toBe(Date.parse('2027-03-28T06:00:00+02:00'));
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('a daily trigger created just after midnight on the 25-hour day, for a time already past, is due the next day', () => {
    const { ws, g } = setup(Date.parse('2027-10-31T00:30:00+02:00'));
    g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(0).nearMinute(15).create();
    expect(triggerState(ws).triggers[0].nextAtMs).toBe(Date.parse('2027-11-01T00:15:00+01:00'));
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('atHour without everyDays is refused', () => {
    const { g } = setup();
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(5).atHour(6).create()).toThrow(/atHour/);
  });

  // catalogue: HTML-WEBAPP-EVENT
  test('the web app URL is stable', () => {
    const { ws, g } = setup();
    expect(g.ScriptApp.getService().getUrl()).toBe(webAppUrl(ws));
    expect(webAppUrl(ws)).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/[A-Za-z0-9_-]+\/exec$/);
  });
});

describe('LockService', () => {
  // catalogue: LOCK-NEGATIVE-TIMEOUT (gas-fakes test/testlock.js:62-73, asserted on live Apps Script)
  test('a negative timeout fails at once on a free lock: tryLock answers false, waitLock throws the timeout', () => {
    const { ws, g } = setup();
    const lock = g.LockService.getScriptLock();
    const before = ws.now();
    expect(lock.tryLock(-100)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(-100)).toThrow('Lock timeout');
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(0)).toBe(true);
    expect(ws.now() - before).toBeLessThan(1_000);
  });

  // catalogue: LOCK-TIMEOUT
  test('tryLock fails while a phantom holds the script lock, after waiting the whole timeout', () => {
    const { ws, g } = setup();
    holdScriptLock(ws, START + 60_000);
    const lock = g.LockService.getScriptLock();
    const before = ws.now();
    expect(lock.tryLock(5_000)).toBe(false);
    expect(ws.now() - before).toBeGreaterThanOrEqual(5_000);
    expect(lock.hasLock()).toBe(false);
  });

  // catalogue: LOCK-TIMEOUT
  test('waitLock throws Google message after the timeout, with the clock advanced', () => {
    const { ws, g } = setup();
    holdScriptLock(ws, START + 60_000);
    const before = ws.now();
    expect(() => g.LockService.getScriptLock().waitLock(30_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(ws.now() - before).toBeGreaterThanOrEqual(30_000);
    expect(ws.now() - before).toBeLessThan(31_000);
  });

  // catalogue: LOCK-TIMEOUT
  test('waitLock gets the lock when the holder lets go within the timeout', () => {
    const { ws, g } = setup();
    holdScriptLock(ws, START + 3_000);
    const lock = g.LockService.getScriptLock();
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(ws.now()).toBeGreaterThanOrEqual(START + 3_000);
    expect(ws.now()).toBeLessThan(START + 4_000);
  });

  // catalogue: LOCK-TIMEOUT
  test('the lock is released when the execution ends', () => {
    const { ws, g } = setup();
    inExecution(ws, 'formazione@consorzio.example.it', () => {
      expect(g.LockService.getScriptLock().tryLock(1_000)).toBe(true);
    });
    inExecution(ws, 'formazione@consorzio.example.it', () => {
      const lock = g.LockService.getScriptLock();
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(0)).toBe(true);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
    });
  });

  // catalogue: LOCK-TIMEOUT (found by its conformance probe: a released lock taken again had "waited")
  test('an execution that released the lock takes it again at once, however long it has run', () => {
    const { ws, g } = setup();
    inExecution(ws, 'formazione@consorzio.example.it', () => {
      const lock = g.LockService.getScriptLock();
      ws.advanceClock(5_000);
      expect(lock.tryLock(0)).toBe(true);
      lock.releaseLock();
      ws.advanceClock(5_000);
      expect(lock.tryLock(1_000)).toBe(true);
      expect(lock.hasLock()).toBe(true);
    });
  });
});

describe('PropertiesService', () => {
  // catalogue: PROPS-STORES
  test('values are strings, missing keys are null, stores are separate', () => {
    const { g } = setup();
    const script = g.PropertiesService.getScriptProperties();
    script.setProperty('cursor', 42 as unknown as string);
    expect(script.getProperty('cursor')).toBe('42');
    expect(script.getProperty('missing')).toBeNull();
    expect(g.PropertiesService.getUserProperties().getProperty('cursor')).toBeNull();
    expect(g.PropertiesService.getDocumentProperties().getKeys()).toEqual([]);
  });

  // catalogue: PROPS-STORES
  test('setProperties can delete all others; deleteProperty and deleteAllProperties work', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' }, true);
    expect(p.getProperties()).toEqual({ c: '3' });
    p.setProperty('d', '4').deleteProperty('c');
    expect(p.getKeys()).toEqual(['d']);
    p.deleteAllProperties();
    expect(p.getProperties()).toEqual({});
  });

  // catalogue: PROPS-LIMITS
  test('a value over 9 KB is refused and nothing is written', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(p.getProperty('big')).toBeNull();
    expect(() => p.setProperty('fits', 'x'.repeat(9 * 1024 - 10))).not.toThrow();
  });

  // catalogue: PROPS-LIMITS
  test('a store over 500 KB throws the quota message', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    const chunk = 'y'.repeat(9_000);
    expect(() => {
      for (let i = 0; i < 60; i++) p.setProperty(`k${i}`, chunk);
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(p.getKeys().length).toBeLessThan(60);
    expect(p.getKeys().length).toBeGreaterThan(50);
  });

  // catalogue: PROPS-STORES
  test('user properties belong to the user running the script', () => {
    const { ws, g } = setup();
    inExecution(ws, 'anna@comune.example.it', () =>
      g.PropertiesService.getUserProperties().setProperty('theme', 'dark'),
    );
    inExecution(ws, 'bruno@comune.example.it', () =>
      expect(g.PropertiesService.getUserProperties().getProperty('theme')).toBeNull(),
    );
    inExecution(ws, 'anna@comune.example.it', () =>
      expect(g.PropertiesService.getUserProperties().getProperty('theme')).toBe('dark'),
    );
  });
});

describe('CacheService', () => {
  // catalogue: PROPS-CACHE
  test('an entry expires on the emulated clock', () => {
    const { ws, g } = setup();
    const cache = g.CacheService.getScriptCache();
    cache.put('k', 'v', 60);
    ws.advanceClock(59_000);
    expect(cache.get('k')).toBe('v');
    ws.advanceClock(2_000);
    expect(cache.get('k')).toBeNull();
  });

  // catalogue: PROPS-CACHE
  test('the default lifetime is 10 minutes and the longest 6 hours', () => {
    const { ws, g } = setup();
    const cache = g.CacheService.getScriptCache();
    cache.put('short', 'a');
    cache.put('long', 'b', 100_000);
    const putAt = ws.now();
    ws.advanceClock(600_000 - 100);
    expect(cache.get('short')).toBe('a');
    ws.advanceClock(100);
    expect(cache.get('short')).toBeNull();
    ws.advanceClock(putAt + 21_600_000 - 100 - ws.now());
    expect(cache.get('long')).toBe('b');
    ws.advanceClock(100);
    expect(cache.get('long')).toBeNull();
  });

  // catalogue: PROPS-CACHE
  test('getAll, putAll, remove and removeAll', () => {
    const { g } = setup();
    const cache = g.CacheService.getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('a');
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ b: '2', c: '3' });
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['b', 'c'])).toEqual({});
  });

  // catalogue: PROPS-CACHE
  test('keys over 250 characters and values over 100 KB are refused', () => {
    const { g } = setup();
    const cache = g.CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });
});

describe('Session, HtmlService, ContentService, Logger', () => {
  // catalogue: SESSION-EMPTY-USER
  test('the active user is the execution user, possibly empty; the effective user the owner', () => {
    const { ws, g } = setup();
    inExecution(
      ws,
      '',
      () => {
        expect(g.Session.getActiveUser().getEmail()).toBe('');
        expect(g.Session.getEffectiveUser().getEmail()).toBe(ws.state.owner);
      },
      'webapp',
    );
    inExecution(ws, 'staff@consorzio.example.it', () =>
      expect(g.Session.getActiveUser().getEmail()).toBe('staff@consorzio.example.it'),
    );
    expect(g.Session.getScriptTimeZone()).toBe('Europe/Rome');
    expect(g.Session.getActiveUserLocale()).toBe('it');
  });

  // catalogue: HTML-OUTPUT
  test('createHtmlOutputFromFile serves the project file, and names a missing one as Google does', () => {
    const { ws, g } = setup();
    ws.htmlFiles.Sidebar = '<p>Academy</p>';
    const out = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Academy4PA').setWidth(300);
    expect(out.getContent()).toBe('<p>Academy</p>');
    expect(out.getTitle()).toBe('Academy4PA');
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  // catalogue: HTML-OUTPUT
  test('HtmlOutput append, appendUntrusted and meta tags', () => {
    const { g } = setup();
    const out = g.HtmlService.createHtmlOutput('<b>').append('x').appendUntrusted('<i>&');
    expect(out.getContent()).toBe('<b>x&lt;i&gt;&amp;');
    out.addMetaTag('viewport', 'width=device-width');
    expect(out.getMetaTags()[0].getName()).toBe('viewport');
  });

  // catalogue: HTML-OUTPUT
  test('ContentService text output with a mime type', () => {
    const { g } = setup();
    const out = g.ContentService.createTextOutput('{"ok":true}').setMimeType(g.ContentService.MimeType.JSON);
    expect(out.getContent()).toBe('{"ok":true}');
    expect(out.getMimeType()).toBe('JSON');
  });
});

describe('through the runtime (a small script in the emulated Workspace)', () => {
  const code = `
    function schedule() { ScriptApp.newTrigger('job').timeBased().after(60000).create(); }
    function job() { Logger.log('job ran'); }
    function takeLock() { return LockService.getScriptLock().tryLock(1000); }
    function hasLockNow() { return LockService.getScriptLock().hasLock(); }
    function secret_() { return 42; }
    function installFormTrigger(formId) { ScriptApp.newTrigger('onSubmit').forForm(formId).onFormSubmit().create(); }
    function onSubmit(e) { Logger.log(e.response.getId() + ' ' + e.source.getTitle() + ' ' + (e.triggerUid ? 'uid' : '')); }
    function installSheetTrigger(ssId) { ScriptApp.newTrigger('onSheetSubmit').forSpreadsheet(ssId).onFormSubmit().create(); }
    function onSheetSubmit(e) {
      Logger.log(e.range.getSheet().getName() + '!' + e.range.getA1Notation() + ' ' + JSON.stringify(e.values.slice(1)) + ' ' + e.namedValues['Nome'][0] + ' ' + (e.triggerUid ? 'uid' : ''));
    }
  `;

  // catalogue: HTML-PRIVATE-FUNCTIONS
  test('a function whose name ends with _ is not callable through google.script.run, only from the script', () => {
    const ws = Workspace.create({ startMs: START });
    const runtime = new Runtime(ws, code);
    expect(runtime.run('secret_', [], { bridge: true })).toEqual({
      ok: false,
      value: null,
      error: 'TypeError: google.script.run.secret_ is not a function',
      elapsedMs: 0,
    });
    expect(runtime.run('secret_', [], { kind: 'trigger' }).value).toBe(42);
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  test('a one-shot trigger fires once and stays listed', () => {
    const ws = Workspace.create({ startMs: START });
    const runtime = new Runtime(ws, code);
    expect(runtime.run('schedule').ok).toBe(true);
    expect(runtime.advance(120_000).map((r) => r.ok)).toEqual([true]);
    expect(runtime.advance(24 * 3_600_000)).toEqual([]);
    expect(logLines(ws)).toEqual(['job ran']);
    expect(snapshotTriggers(ws)).toEqual([{ handler: 'job', type: 'CLOCK' }]);
    expect(triggerState(ws).triggers[0].nextAtMs).toBeNull();
  });

  // catalogue: LOCK-TIMEOUT
  test('the script lock ends with the execution that took it', () => {
    const ws = Workspace.create({ startMs: START });
    const runtime = new Runtime(ws, code);
    expect(runtime.run('takeLock').value).toBe(true);
    expect(runtime.run('hasLockNow').value).toBe(false);
    expect(runtime.run('takeLock').value).toBe(true);
  });

  // catalogue: FORMS-SUBMIT-EVENT
  test('a form-submit trigger receives the response and the form', () => {
    const ws = Workspace.create({ startMs: START });
    const runtime = new Runtime(ws, code);
    const { FormApp } = formsGlobals(ws);
    const form = FormApp.create('Iscrizioni 2027') as GoogleAppsScript.Forms.Form & {
      setPublished(p: boolean): unknown;
    };
    form.setPublished(true);
    form.setTitle('Iscrizioni 2027');
    form.addTextItem().setTitle('Nome');
    runtime.run('installFormTrigger', [form.getId()]);
    const responseId = hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers: { Nome: 'Anna' } });
    expect(runtime.fireFormSubmit(form.getId(), responseId).map((r) => r.ok)).toEqual([true]);
    expect(logLines(ws)).toEqual([`${responseId} Iscrizioni 2027 uid`]);
  });

  // catalogue: FORMS-SUBMIT-EVENT, FORMS-DESTINATION
  test('a form-submit trigger installed on the spreadsheet gets the row the form wrote: its range, its values as shown and by column title', () => {
    const ws = Workspace.create({ startMs: START });
    const runtime = new Runtime(ws, code);
    const ssId = createSpreadsheet(ws, 'Academy', { bind: true });
    const { FormApp } = formsGlobals(ws);
    const form = FormApp.create('Iscrizioni 2027') as GoogleAppsScript.Forms.Form & {
      setPublished(p: boolean): unknown;
    };
    form.setPublished(true);
    form.addTextItem().setTitle('Nome');
    form.addCheckboxItem().setTitle('Corsi').setChoiceValues(['EXC', 'PEC']);
    runtime.run('installSheetTrigger', [ssId]);
    expect(
      runtime.fireFormSubmit(form.getId(), hostSubmit(ws, form.getId(), { email: '', answers: { Nome: 'Anna' } })),
    ).toEqual([]);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    const responseId = hostSubmit(ws, form.getId(), { email: '', answers: { Nome: 'Bruno', Corsi: ['EXC', 'PEC'] } });
    expect(runtime.fireFormSubmit(form.getId(), responseId).map((r) => r.ok)).toEqual([true]);
    expect(logLines(ws)).toEqual(['Risposte del modulo 1!A2:C2 ["Bruno","EXC, PEC"] Bruno uid']);
  });
});

describe('Utilities.sleep', () => {
  // catalogue: QUOTA-EXECUTION-TIME
  test('sleep advances the emulated clock and counts against the time limit', () => {
    const { ws, g } = setup();
    g.Utilities.sleep(2_000);
    expect(ws.now()).toBe(START + 2_000);
    expect(ws.methodCounts['Utilities.sleep']).toBe(1);
    expect(() =>
      inExecution(ws, 'formazione@consorzio.example.it', () => {
        for (let i = 0; i < 2; i++) g.Utilities.sleep(200_000);
      }),
    ).toThrow(TIME_LIMIT_MESSAGE);
  });
});

describe('emulator: call counting and logs', () => {
  test('lock calls are counted under Lock', () => {
    const { ws, g } = setup();
    const lock = g.LockService.getScriptLock();
    lock.tryLock(100);
    lock.releaseLock();
    expect(ws.counts.Lock).toBe(3);
  });

  test('each read and write is one Properties call', () => {
    const { ws, g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    p.setProperty('a', '1');
    p.getProperty('a');
    expect(ws.counts.Properties).toBe(3);
    expect(ws.methodCounts['Properties.setProperty']).toBe(1);
  });

  test('Logger and console lines are recorded', () => {
    const { ws, g } = setup();
    g.Logger.log('Iscrizione %s per %s', 'I00001', 'EXC-BASE');
    g.Logger.log({ a: 1 });
    g.console.log('ciao', 2);
    g.console.error('guasto');
    expect(logLines(ws)).toEqual(['Iscrizione I00001 per EXC-BASE', '{"a":1}', 'ciao 2', 'ERROR: guasto']);
    expect(ws.counts.Logger).toBe(4);
  });
});
