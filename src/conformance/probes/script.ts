/**
 * Probes for the catalogue's script-wide entries: ScriptApp triggers, LockService, PropertiesService,
 * MailApp's quota, Utilities and Apps Script's argument checks (SCRIPT-*, QUOTA-TRIGGERS, LOCK-*,
 * PROPS-*, MAIL-*, UTIL-*).
 */
import { plain, thrown, type Probe } from '../probe';

const WAIT_FAILED = 'Lock timeout: another process was holding the lock for too long.';

function hex(bytes: number[]): string {
  return bytes.map((b) => ((b & 0xff) + 0x100).toString(16).slice(1)).join('');
}

export const scriptProbes: Probe[] = [
  {
    id: 'QUOTA-TRIGGERS',
    run: () => {
      const before = ScriptApp.getProjectTriggers().length;
      const made: GoogleAppsScript.Script.Trigger[] = [];
      let refused: string | null = null;
      try {
        while (refused === null && made.length <= 20) {
          refused = thrown(() => made.push(ScriptApp.newTrigger('runConformance').timeBased().everyDays(1).create()));
        }
        return { allowed: before + made.length, refused };
      } finally {
        for (const trigger of made) ScriptApp.deleteTrigger(trigger);
      }
    },
    expected: {
      value: {
        allowed: 20,
        refused:
          'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      },
    },
  },
  {
    id: 'SCRIPT-CLOCK-TRIGGERS',
    run: () => {
      const made: GoogleAppsScript.Script.Trigger[] = [];
      const clock = (): GoogleAppsScript.Script.ClockTriggerBuilder =>
        ScriptApp.newTrigger('runConformance').timeBased();
      try {
        const weekly = clock().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).nearMinute(30).create();
        const monthly = clock().onMonthDay(31).atHour(9).create();
        made.push(weekly, monthly, clock().everyWeeks(2).onWeekDay(ScriptApp.WeekDay.FRIDAY).create());
        return {
          type: String(weekly.getEventType()),
          source: String(weekly.getTriggerSource()),
          weekDay: String(ScriptApp.WeekDay.MONDAY),
          monthly: String(monthly.getEventType()),
          monthDayRange: thrown(() => made.push(clock().onMonthDay(32).create())) !== null,
          dailyOnWeekDay:
            thrown(() => made.push(clock().everyDays(1).onWeekDay(ScriptApp.WeekDay.MONDAY).create())) !== null,
          hourlyAtHour: thrown(() => made.push(clock().everyHours(2).atHour(6).create())) !== null,
        };
      } finally {
        for (const trigger of made) ScriptApp.deleteTrigger(trigger);
      }
    },
    expected: {
      value: {
        type: 'CLOCK',
        source: 'CLOCK',
        weekDay: 'MONDAY',
        monthly: 'CLOCK',
        monthDayRange: true,
        dailyOnWeekDay: true,
        hourlyAtHour: true,
      },
    },
  },
  {
    id: 'LOCK-NEGATIVE-TIMEOUT',
    run: () => {
      const lock = LockService.getScriptLock();
      const negativeTry = lock.tryLock(-100);
      const negativeWait = thrown(() => lock.waitLock(-100));
      const zero = lock.tryLock(0);
      lock.releaseLock();
      return { negativeTry, negativeWait, zero };
    },
    expected: { value: { negativeTry: false, negativeWait: WAIT_FAILED, zero: true } },
  },
  {
    id: 'LOCK-TIMEOUT',
    run: () => {
      const lock = LockService.getScriptLock();
      const got = lock.tryLock(1000);
      const held = lock.hasLock();
      lock.releaseLock();
      return { got, held, released: !lock.hasLock() };
    },
    expected: { value: { got: true, held: true, released: true } },
  },
  {
    id: 'PROPS-LIMITS',
    run: () => {
      const store = PropertiesService.getUserProperties();
      const key = 'a4paConformanceProbe';
      try {
        return {
          fits: thrown(() => store.setProperty(key, 'x'.repeat(8 * 1024))),
          tooLarge: thrown(() => store.setProperty(key, 'x'.repeat(10 * 1024))) !== null,
        };
      } finally {
        store.deleteProperty(key);
      }
    },
    expected: { value: { fits: null, tooLarge: true } },
  },
  {
    id: 'MAIL-SEND',
    run: () => {
      const left = MailApp.getRemainingDailyQuota();
      return { type: typeof left, withinWorkspaceQuota: left >= 0 && left <= 1500 };
    },
    expected: { value: { type: 'number', withinWorkspaceQuota: true } },
  },
  {
    // Only refusals nothing is sent by: a probe must not mail anyone, should Google accept the call.
    id: 'MAIL-REFUSALS',
    run: () => ({ invalid: thrown(() => MailApp.sendEmail('non-un-indirizzo', 'x', 'y')) }),
    expected: { value: { invalid: 'Invalid email: non-un-indirizzo' } },
  },
  {
    id: 'SCRIPT-SIGNATURE-MISMATCH',
    run: () => ({
      strings: thrown(() => (Utilities.formatDate as (...a: unknown[]) => string)('a', 'b', 'c')),
      tooFew: thrown(() => (Utilities.formatDate as (...a: unknown[]) => string)(new Date(0))),
    }),
    expected: {
      value: {
        strings: "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
        tooFew: "The parameters (Date) don't match the method signature for Utilities.formatDate.",
      },
    },
  },
  {
    id: 'UTIL-DEFAULT-CHARSET',
    run: () => {
      const md5 = Utilities.DigestAlgorithm.MD5;
      return {
        plain: hex(Utilities.computeDigest(md5, 'è')) === hex(Utilities.computeDigest(md5, '?')),
        utf8: hex(Utilities.computeDigest(md5, 'è', Utilities.Charset.UTF_8)),
      };
    },
    // The MD5 of the UTF-8 bytes c3 a8.
    expected: { value: { plain: true, utf8: '0a35e149dbbb2d10d744bf675c7744b1' } },
  },
  {
    id: 'UTIL-PARSE-DATE',
    run: () => ({
      rome: plain(Utilities.parseDate('01/02/2027 09:30', 'Europe/Rome', 'dd/MM/yyyy HH:mm')),
      offsetWins: plain(Utilities.parseDate('2027-02-01 09:30 +0000', 'Europe/Rome', 'yyyy-MM-dd HH:mm Z')),
      unfit: thrown(() => Utilities.parseDate('domani', 'Europe/Rome', 'dd/MM/yyyy')) !== null,
    }),
    expected: {
      value: { rome: '2027-02-01T08:30:00.000Z', offsetWins: '2027-02-01T09:30:00.000Z', unfit: true },
    },
  },
  {
    id: 'UTIL-ARCHIVES',
    run: () => {
      const a = Utilities.newBlob('uno', 'text/plain', 'uno.txt');
      const b = Utilities.newBlob('<p>due</p>', 'text/html', 'due.html');
      const zip = Utilities.zip([a, b]);
      const gz = Utilities.gzip(a);
      const back = Utilities.ungzip(gz);
      return {
        zip: [zip.getName(), zip.getContentType()],
        entries: Utilities.unzip(zip).map((e) => [e.getName(), e.getContentType(), e.getDataAsString()]),
        gzip: [gz.getName(), gz.getContentType()],
        ungzip: [back.getName(), back.getContentType(), back.getDataAsString()],
      };
    },
    expected: {
      value: {
        zip: ['archive.zip', 'application/zip'],
        entries: [
          ['uno.txt', 'text/plain', 'uno'],
          ['due.html', 'text/html', '<p>due</p>'],
        ],
        gzip: ['archive.gz', 'application/x-gzip'],
        ungzip: ['archive', null, 'uno'],
      },
    },
  },
  {
    id: 'SCRIPT-INSTALLABLE-TRIGGERS',
    run: ({ spreadsheet }) => {
      const trigger = ScriptApp.newTrigger('runConformance').forSpreadsheet(spreadsheet).onOpen().create();
      try {
        const listed = ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === trigger.getUniqueId());
        return {
          source: String(trigger.getTriggerSource()),
          sourceId: trigger.getTriggerSourceId() === spreadsheet.getId(),
          type: String(trigger.getEventType()),
          listed,
        };
      } finally {
        ScriptApp.deleteTrigger(trigger);
      }
    },
    expected: { value: { source: 'SPREADSHEETS', sourceId: true, type: 'ON_OPEN', listed: true } },
  },
  {
    id: 'PROPS-STORES',
    run: () => {
      const key = `a4paProbe${Date.now()}`;
      const store = PropertiesService.getScriptProperties();
      store.setProperty(key, String(42));
      try {
        return {
          value: store.getProperty(key),
          missing: store.getProperty(`${key}-missing`),
          otherStore: PropertiesService.getUserProperties().getProperty(key),
        };
      } finally {
        store.deleteProperty(key);
      }
    },
    expected: { value: { value: '42', missing: null, otherStore: null } },
  },
  {
    id: 'PROPS-CACHE',
    run: () => {
      const cache = CacheService.getScriptCache();
      const key = `a4paProbe${Date.now()}`;
      cache.putAll({ [key]: 'uno', [`${key}b`]: 'due' }, 60);
      const both = cache.getAll([key, `${key}b`]);
      cache.removeAll([key, `${key}b`]);
      return {
        both: [both[key], both[`${key}b`]],
        removed: cache.get(key),
        longKey: thrown(() => cache.put('k'.repeat(251), 'x')) !== null,
      };
    },
    expected: { value: { both: ['uno', 'due'], removed: null, longKey: true } },
  },
  {
    id: 'HTML-OUTPUT',
    run: () => {
      const html = HtmlService.createHtmlOutput('<b>a</b>').append('<i>b</i>').appendUntrusted('<c>');
      const text = ContentService.createTextOutput('{}').setMimeType(ContentService.MimeType.JSON);
      return { html: html.getContent(), type: String(text.getMimeType()) };
    },
    expected: { value: { html: '<b>a</b><i>b</i>&lt;c&gt;', type: 'JSON' } },
  },
  {
    id: 'UTIL-FORMAT-DATE',
    run: () => {
      const instant = new Date(Date.UTC(2027, 2, 28, 1, 30, 0, 7));
      return {
        rome: Utilities.formatDate(instant, 'Europe/Rome', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
        unknown: Utilities.formatDate(instant, 'Nowhere/Zone', 'HH:mm'),
        names: Utilities.formatDate(instant, 'UTC', 'EEEE d MMMM yyyy, h a'),
      };
    },
    expected: {
      value: { rome: '2027-03-28T03:30:00.007+02:00', unknown: '01:30', names: 'Sunday 28 March 2027, 1 AM' },
    },
  },
  {
    id: 'UTIL-ENCODINGS',
    run: () => ({
      base64: Utilities.base64Encode('è?'),
      webSafe: Utilities.base64EncodeWebSafe([-5, -1]),
      decoded: Utilities.base64Decode('+/8='),
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(Utilities.getUuid()),
      format: Utilities.formatString('%05d|%s', 42, 'x'),
      csv: Utilities.parseCsv('a,"b ""c"""\n1,2'),
      blob: [Utilities.newBlob('testo').getContentType(), Utilities.newBlob('testo').getName()],
    }),
    expected: {
      value: {
        base64: 'w6g/',
        webSafe: '-_8=',
        decoded: [-5, -1],
        uuid: true,
        format: '00042|x',
        csv: [
          ['a', 'b "c"'],
          ['1', '2'],
        ],
        blob: ['text/plain', null],
      },
    },
  },
];
