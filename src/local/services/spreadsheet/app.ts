import type { Workspace } from '../../runtime/workspace';
import { gate } from './gate';
import { COPY_PASTE_TYPES } from './range-ops';
import { RangeFacade } from './range';
import { SheetFacade } from './sheet';
import { activeRangeOf, SpreadsheetFacade } from './spreadsheet';
import { DataValidationBuilderFacade } from './validation';
import { createSpreadsheetData } from './host';
import {
  MESSAGES,
  sheetById,
  spreadsheetData,
  spreadsheetsState,
  type MenuItemData,
  type SpreadsheetData,
} from './model';

/** Apps Script enums are compared by identity; their names are enough locally (and survive JSON). */
function enumOf<const K extends string>(...names: K[]): Record<K, K> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>;
}

const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
const BUTTONS_OF: Partial<Record<string, readonly string[]>> = {
  OK: [Button.OK],
  OK_CANCEL: [Button.OK, Button.CANCEL],
  YES_NO: [Button.YES, Button.NO],
  YES_NO_CANCEL: [Button.YES, Button.NO, Button.CANCEL],
};
const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);
const ProtectionType = enumOf('RANGE', 'SHEET');
const CopyPasteType = enumOf(...COPY_PASTE_TYPES);
const SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE');
const ChartType = enumOf(
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
);
const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');

/** The HtmlOutput given to showSidebar/showModalDialog: read through its own public methods. */
function htmlOf(output: unknown): { title: string; html: string } {
  const o = output as { getContent?: () => unknown; getTitle?: () => unknown } | null;
  if (!o || typeof o.getContent !== 'function')
    throw new Error("The parameters don't match the method signature for Ui.showSidebar.");
  return { title: typeof o.getTitle === 'function' ? String(o.getTitle() ?? '') : '', html: String(o.getContent()) };
}

class MenuFacade {
  readonly items: MenuItemData[] = [];

  constructor(
    private readonly ws: Workspace,
    private readonly ss: () => SpreadsheetData,
    readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): MenuFacade {
    gate(this.ws, 'addItem');
    this.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): MenuFacade {
    gate(this.ws, 'addSeparator');
    this.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: MenuFacade): MenuFacade {
    gate(this.ws, 'addSubMenu');
    this.items.push({ kind: 'submenu', caption: menu.caption, items: structuredClone(menu.items) });
    return this;
  }
  /** A menu added again with the same title replaces the previous one, as reopening the file does. */
  addToUi(): void {
    gate(this.ws, 'addToUi');
    const ui = this.ss().ui;
    const menu = { title: this.caption, items: structuredClone(this.items) };
    const i = ui.menus.findIndex((m) => m.title === this.caption);
    if (i >= 0) ui.menus[i] = menu;
    else ui.menus.push(menu);
  }
  toString(): string {
    return 'Menu';
  }
}

class UiFacade {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
  ) {}

  private ss = (): SpreadsheetData => spreadsheetData(this.ws, this.ssId);

  createMenu(caption: string): MenuFacade {
    gate(this.ws, 'createMenu');
    return new MenuFacade(this.ws, this.ss, String(caption));
  }
  /** An add-on's menu sits under Extensions with the add-on's name; locally it is titled "Add-on". */
  createAddonMenu(): MenuFacade {
    gate(this.ws, 'createAddonMenu');
    return new MenuFacade(this.ws, this.ss, 'Add-on');
  }
  showSidebar(output: unknown): void {
    gate(this.ws, 'showSidebar');
    this.ss().ui.sidebars.push(htmlOf(output));
  }
  showModalDialog(output: unknown, title: string): void {
    gate(this.ws, 'showModalDialog');
    this.ss().ui.dialogs.push({ title: String(title), html: htmlOf(output).html, modal: true });
  }
  showModelessDialog(output: unknown, title: string): void {
    gate(this.ws, 'showModelessDialog');
    this.ss().ui.dialogs.push({ title: String(title), html: htmlOf(output).html, modal: false });
  }
  /**
   * Recorded. A question (a set with a choice) takes the next button a person clicked
   * (`answerNextAlerts`), and with nobody to click, the dialog's close button: the answer that lets the
   * least happen (HTML-ALERT-ANSWER). A message with only OK answers OK.
   */
  alert(a: string, b?: unknown, c?: unknown): string {
    gate(this.ws, 'alert');
    const [title, prompt, buttons] =
      c !== undefined
        ? [String(a), String(b), String(c)]
        : b !== undefined
          ? ['', String(a), String(b)]
          : ['', String(a), ButtonSet.OK];
    const offered = BUTTONS_OF[buttons];
    if (offered === undefined) throw new Error(`Invalid argument: buttons`);
    const ui = this.ss().ui;
    if (offered.length === 1) {
      ui.alerts.push({ title, prompt, buttons, answer: Button.OK, unanswered: false });
      return Button.OK;
    }
    const clicked = ui.answers?.shift();
    if (clicked !== undefined && clicked !== Button.CLOSE && !offered.includes(clicked))
      throw new Error(`The answer ${clicked} is not a button of ${buttons}.`);
    const answer = clicked ?? Button.CLOSE;
    ui.alerts.push({ title, prompt, buttons, answer, unanswered: clicked === undefined });
    return answer;
  }
  toString(): string {
    return 'Ui';
  }
}

/** The spreadsheet the script is bound to: Google's "active" one (none for a standalone script). */
function activeId(ws: Workspace): string | null {
  return spreadsheetsState(ws).boundId;
}

export function createSpreadsheetApp(ws: Workspace): Record<string, unknown> {
  const active = (method: string): SpreadsheetData | null => {
    gate(ws, method);
    const id = activeId(ws);
    return id ? spreadsheetData(ws, id) : null;
  };
  return {
    Button,
    ButtonSet,
    CopyPasteType,
    DataValidationCriteria,
    ProtectionType,
    SheetType,
    getActiveSpreadsheet(): SpreadsheetFacade | null {
      const ss = active('getActiveSpreadsheet');
      return ss ? new SpreadsheetFacade(ws, ss.id) : null;
    },
    getActive(): SpreadsheetFacade | null {
      const ss = active('getActive');
      return ss ? new SpreadsheetFacade(ws, ss.id) : null;
    },
    getActiveSheet(): SheetFacade | null {
      const ss = active('getActiveSheet');
      return ss ? new SheetFacade(ws, ss.id, sheetById(ss, ss.activeSheetId).id) : null;
    },
    getActiveRange(): RangeFacade | null {
      const ss = active('getActiveRange');
      return ss ? activeRangeOf(ws, ss) : null;
    },
    setActiveRange(range: RangeFacade): RangeFacade {
      gate(ws, 'setActiveRange');
      const ss = spreadsheetData(ws, range.ssId);
      ss.activeSheetId = range.sheetId;
      ss.activeRange = { sheetId: range.sheetId, ...range.area };
      return range;
    },
    setActiveSheet(sheet: SheetFacade): SheetFacade {
      gate(ws, 'setActiveSheet');
      const ss = spreadsheetData(ws, sheet.ssId);
      ss.activeSheetId = sheet.sheetId;
      ss.activeRange = null;
      return sheet;
    },
    openById(id: string): SpreadsheetFacade {
      gate(ws, 'openById');
      if (!spreadsheetsState(ws).byId[String(id)]) throw new Error(MESSAGES.openById);
      return new SpreadsheetFacade(ws, String(id));
    },
    openByUrl(url: string): SpreadsheetFacade {
      gate(ws, 'openByUrl');
      const id = /\/d\/([^/]+)/.exec(String(url))?.[1];
      if (!id || !spreadsheetsState(ws).byId[id])
        throw new Error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
      return new SpreadsheetFacade(ws, id);
    },
    create(name: string): SpreadsheetFacade {
      gate(ws, 'create');
      const owner = ws.execution?.activeUser || ws.state.owner;
      return new SpreadsheetFacade(ws, createSpreadsheetData(ws, String(name), owner).id);
    },
    flush(): void {
      gate(ws, 'flush');
    },
    /** Only an execution with a document open in front of someone has a UI (not triggers, not web apps). */
    getUi(): UiFacade {
      gate(ws, 'getUi');
      const kind = ws.execution?.kind;
      const id = activeId(ws);
      if (kind === 'trigger' || kind === 'webapp' || !id) throw new Error(MESSAGES.noUi);
      return new UiFacade(ws, id);
    },
    newDataValidation(): DataValidationBuilderFacade {
      gate(ws, 'newDataValidation');
      return new DataValidationBuilderFacade(ws);
    },
    toString(): string {
      return 'SpreadsheetApp';
    },
  };
}

/** The `Charts` service, for its enums (`Charts.ChartType.COLUMN` given to `setChartType`). */
export function createCharts(): Record<string, unknown> {
  return { ChartType, Position };
}
