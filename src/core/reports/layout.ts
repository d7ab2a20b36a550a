/**
 * How the reports appear in their tabs: the grid of each tab (docs/product.md headers, numbers as numbers,
 * percentages as fractions, an empty cell where a figure does not apply), the number format of each
 * column block, and the chart each tab carries.
 */
import { REPORT_HEADERS, TAB } from '../registry/tabs';
import type { Reports } from './compute';

export type ReportCell = string | number | boolean;

export const FORMAT = {
  euro: '#,##0.00 "€"',
  percent: '0%',
  hours: '0.0',
  count: '0',
  score: '0.0',
} as const;

/** One number format for a block of adjacent columns (1-based), over the data rows. */
export interface FormatBlock {
  column: number;
  columns: number;
  format: string;
}

export interface ChartSpec {
  kind: 'COLUMN' | 'BAR';
  title: string;
  /** The category column first, then the series columns (1-based), each read from row 1 to the last data row. */
  columns: number[];
  /** Data rows charted below the header (the budget chart leaves the last row out). */
  rows: number;
  options: Record<string, string | number | boolean>;
}

export interface ReportTab {
  tab: string;
  header: readonly string[];
  rows: ReportCell[][];
  formats: FormatBlock[];
  chart: ChartSpec | null;
}

function cell(n: number | null): ReportCell {
  return n === null ? '' : n;
}

export const BALANCE_ITEMS = [
  'Quote dovute',
  'Quote incassate',
  'Costi corsi',
  'Saldo',
  'Costo per ora-partecipante',
] as const;

export function reportTabs(reports: Reports): ReportTab[] {
  const employees: ReportTab = {
    tab: TAB.reportDipendenti,
    // The closed years' hours follow the documented columns, one `Ore <anno>` each, newest first.
    header: [...REPORT_HEADERS.reportDipendenti, ...reports.pastYears.map((y) => `Ore ${y}`)],
    rows: reports.employees.map((e) => [
      e.id,
      e.firstName,
      e.lastName,
      e.comune,
      e.hours,
      e.target,
      e.missing,
      e.courses,
      e.reached,
      ...e.pastHours,
    ]),
    formats: [
      { column: 5, columns: 3, format: FORMAT.hours },
      { column: 8, columns: 1, format: FORMAT.count },
      ...(reports.pastYears.length > 0
        ? [
            {
              column: REPORT_HEADERS.reportDipendenti.length + 1,
              columns: reports.pastYears.length,
              format: FORMAT.hours,
            },
          ]
        : []),
    ],
    chart: null,
  };
  const comuni: ReportTab = {
    tab: TAB.reportComuni,
    header: REPORT_HEADERS.reportComuni,
    rows: reports.comuni.map((c) => [
      c.name,
      c.employees,
      c.trained,
      c.hours,
      cell(c.averageHours),
      cell(c.reachedShare),
      cell(c.annualFee),
      c.feePaid === null ? '' : c.feePaid,
      c.costShare,
    ]),
    formats: [
      { column: 2, columns: 2, format: FORMAT.count },
      { column: 4, columns: 2, format: FORMAT.hours },
      { column: 6, columns: 1, format: FORMAT.percent },
      { column: 7, columns: 1, format: FORMAT.euro },
      { column: 9, columns: 1, format: FORMAT.euro },
    ],
    chart: {
      kind: 'COLUMN',
      title: `Ore medie per dipendente per comune (obiettivo: ${reports.targetHours} ore)`,
      columns: [1, 5],
      rows: reports.comuni.length,
      options: {
        'legend.position': 'none',
        'vAxis.title': 'Ore',
        'vAxis.minValue': 0,
        'vAxis.maxValue': reports.targetHours,
      },
    },
  };
  const courses: ReportTab = {
    tab: TAB.reportCorsi,
    header: REPORT_HEADERS.reportCorsi,
    rows: reports.courses.map((c) => [
      c.code,
      c.title,
      c.seats,
      c.confirmed,
      c.waiting,
      cell(c.fillRate),
      cell(c.attendanceRate),
      c.absentees,
      c.certificates,
      cell(c.satisfaction),
      c.cost,
      cell(c.costPerParticipantHour),
    ]),
    formats: [
      { column: 3, columns: 3, format: FORMAT.count },
      { column: 6, columns: 2, format: FORMAT.percent },
      { column: 8, columns: 2, format: FORMAT.count },
      { column: 10, columns: 1, format: FORMAT.score },
      { column: 11, columns: 2, format: FORMAT.euro },
    ],
    chart: {
      kind: 'BAR',
      title: 'Riempimento dei corsi',
      columns: [1, 6],
      rows: reports.courses.length,
      options: { 'legend.position': 'none', 'hAxis.format': FORMAT.percent, 'hAxis.minValue': 0 },
    },
  };
  const b = reports.balance;
  const amounts = [b.feesDue, b.feesPaid, b.courseCosts, b.saldo, b.costPerParticipantHour];
  const balance: ReportTab = {
    tab: TAB.bilancio,
    header: REPORT_HEADERS.bilancio,
    rows: BALANCE_ITEMS.map((item, i) => [item, cell(amounts[i] ?? null)]),
    formats: [{ column: 2, columns: 1, format: FORMAT.euro }],
    chart: {
      kind: 'COLUMN',
      title: `Bilancio ${reports.year}`,
      columns: [1, 2],
      // The cost per participant-hour is a rate, not an amount of the budget: left out of the chart.
      rows: BALANCE_ITEMS.length - 1,
      options: { 'legend.position': 'none', 'vAxis.title': '€' },
    },
  };
  return [employees, comuni, courses, balance];
}
