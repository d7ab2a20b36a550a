/** The `Impostazioni` tab (one `Chiave` a row) decoded into typed settings with their defaults. */
import { isEmail, normalizeEmail, normalizeKey, splitList } from '../text';
import { parseBoolean, parseNumber, type Problem, type Settings } from './schemas';

export type { Settings } from './schemas';
import { SETTING_KEYS, TAB, type SettingField } from './tabs';

export const DEFAULT_TARGET_HOURS = 40;
export const DEFAULT_THRESHOLD = 75;
export const DEFAULT_REMINDER_DAYS = 2;

/** The rows setup writes into an empty `Impostazioni`: every key, defaults where docs/product.md gives one. */
export function defaultSettingRows(year: number): Array<{ key: string; value: string }> {
  const defaults: Partial<Record<SettingField, string>> = {
    year: String(year),
    targetHours: String(DEFAULT_TARGET_HOURS),
    defaultThreshold: String(DEFAULT_THRESHOLD),
    requireFeePaid: 'No',
    referentApproval: 'No',
    reminderDaysBefore: String(DEFAULT_REMINDER_DAYS),
  };
  return (Object.keys(SETTING_KEYS) as SettingField[]).map((f) => ({ key: SETTING_KEYS[f], value: defaults[f] ?? '' }));
}

export function settingValueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Sì' : 'No';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

const FIELD_BY_KEY = new Map(
  (Object.keys(SETTING_KEYS) as SettingField[]).map((f) => [normalizeKey(SETTING_KEYS[f]), f]),
);

export function settingField(key: string): SettingField | undefined {
  return FIELD_BY_KEY.get(normalizeKey(key));
}

/**
 * Typed settings from the tab's rows; a value that cannot be read falls back to its default and is
 * reported, so a typo in one setting never stops a workflow.
 */
export function decodeSettings(
  rows: ReadonlyArray<{ row: number; key: string; value: unknown }>,
  currentYear: number,
): { settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings: Settings = {
    year: currentYear,
    targetHours: DEFAULT_TARGET_HOURS,
    defaultThreshold: DEFAULT_THRESHOLD,
    requireFeePaid: false,
    staff: [],
    referentApproval: false,
    maxSeatsPerComune: null,
    reminderDaysBefore: DEFAULT_REMINDER_DAYS,
    calendarId: '',
    enrollmentFormId: '',
    templateDocId: '',
    certificatesFolderId: '',
    senderName: '',
    orgName: '',
    staffNotificationEmail: '',
    extra: {},
  };
  const report = (row: number, key: string, message: string): void => {
    problems.push({ tab: TAB.impostazioni, row, column: 'Valore', message: `${key}: ${message}` });
  };
  for (const { row, key, value } of rows) {
    const text = settingValueText(value);
    settings.extra[key.trim()] = text;
    const field = settingField(key);
    if (field === undefined || text === '') continue;
    const number = (min: number, max: number, integer: boolean): number | null => {
      const n = parseNumber(value);
      if (n === null || n < min || n > max || (integer && !Number.isInteger(n))) {
        report(
          row,
          key,
          `«${text}» non è un numero valido${integer ? ' intero' : ''} tra ${min} e ${max}: uso il valore predefinito`,
        );
        return null;
      }
      return n;
    };
    const flag = (): boolean | null => {
      const b = parseBoolean(value);
      if (b === null) report(row, key, `«${text}» non è Sì o No: uso il valore predefinito`);
      return b;
    };
    switch (field) {
      case 'year':
        settings.year = number(2000, 2100, true) ?? settings.year;
        break;
      case 'targetHours':
        settings.targetHours = number(0, 1000, false) ?? settings.targetHours;
        break;
      case 'defaultThreshold':
        settings.defaultThreshold = number(0, 100, false) ?? settings.defaultThreshold;
        break;
      case 'reminderDaysBefore':
        settings.reminderDaysBefore = number(0, 60, true) ?? settings.reminderDaysBefore;
        break;
      case 'maxSeatsPerComune':
        settings.maxSeatsPerComune = number(1, 100000, true);
        break;
      case 'requireFeePaid':
        settings.requireFeePaid = flag() ?? settings.requireFeePaid;
        break;
      case 'referentApproval':
        settings.referentApproval = flag() ?? settings.referentApproval;
        break;
      case 'staff': {
        const emails = splitList(text).map(normalizeEmail);
        const bad = emails.filter((e) => !isEmail(e));
        if (bad.length > 0) report(row, key, `${bad.map((b) => `«${b}»`).join(', ')} non è un indirizzo e-mail valido`);
        settings.staff = emails.filter((e) => isEmail(e));
        break;
      }
      case 'staffNotificationEmail': {
        const e = normalizeEmail(text);
        if (isEmail(e)) settings.staffNotificationEmail = e;
        else report(row, key, `«${text}» non è un indirizzo e-mail valido`);
        break;
      }
      default:
        settings[field] = text;
    }
  }
  return { settings, problems };
}
