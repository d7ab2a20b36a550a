/** The emulated EmbeddedChart and its builder. */
import type { Workspace } from '../../runtime/workspace';
import { a1Of, parseA1, sheetById, sheetByName, spreadsheetData, type ChartData } from './model';
import { gate } from './gate';
import { RangeFacade } from './range';

export class EmbeddedChartFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    readonly chart: ChartData,
  ) {}

  getChartId(): number | null {
    gate(this.ws, 'getChartId');
    return this.chart.id === 0 ? null : this.chart.id;
  }
  getType(): string {
    gate(this.ws, 'getType');
    return this.chart.type;
  }
  getRanges(): RangeFacade[] {
    gate(this.ws, 'getRanges');
    return rangesOf(this.ws, this.ssId, this.chart);
  }
  getOptions(): { get(option: string): unknown } {
    gate(this.ws, 'getOptions');
    const options = { ...this.chart.options };
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    gate(this.ws, 'getContainerInfo');
    const p = { ...this.chart.position };
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilderFacade {
    gate(this.ws, 'modify');
    return new EmbeddedChartBuilderFacade(this.ws, this.ssId, structuredClone(this.chart));
  }
  toString(): string {
    return 'EmbeddedChart';
  }
}

function rangesOf(ws: Workspace, ssId: string, chart: ChartData): RangeFacade[] {
  const ss = spreadsheetData(ws, ssId);
  return chart.ranges.flatMap((ref) => {
    const sheet = sheetByName(ss, ref.sheetName);
    const area = sheet && parseA1(ref.a1, sheet.maxRows, sheet.maxColumns);
    return sheet && area ? [new RangeFacade(ws, ssId, sheet.id, area)] : [];
  });
}

/** One builder for every chart kind: `asColumnChart()` and friends set the type and return it. */
export class EmbeddedChartBuilderFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    private chart: ChartData,
  ) {}

  private step(method: string, change: (c: ChartData) => void): EmbeddedChartBuilderFacade {
    gate(this.ws, method);
    change(this.chart);
    return this;
  }

  addRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const sheet = sheetById(spreadsheetData(this.ws, range.ssId), range.sheetId);
    return this.step('addRange', (c) => c.ranges.push({ sheetName: sheet.name, a1: a1Of(range.area) }));
  }
  removeRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const a1 = a1Of(range.area);
    return this.step('removeRange', (c) => {
      c.ranges = c.ranges.filter((r) => r.a1 !== a1);
    });
  }
  clearRanges(): EmbeddedChartBuilderFacade {
    return this.step('clearRanges', (c) => {
      c.ranges = [];
    });
  }
  getRanges(): RangeFacade[] {
    gate(this.ws, 'getRanges');
    return rangesOf(this.ws, this.ssId, this.chart);
  }
  setChartType(type: unknown): EmbeddedChartBuilderFacade {
    return this.step('setChartType', (c) => {
      c.type = String(type);
    });
  }
  getChartType(): string {
    gate(this.ws, 'getChartType');
    return this.chart.type;
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilderFacade {
    return this.step('setPosition', (c) => {
      c.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    });
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilderFacade {
    return this.step('setOption', (c) => {
      c.options[String(option)] = structuredClone(value);
    });
  }
  setNumHeaders(headers: number): EmbeddedChartBuilderFacade {
    return this.step('setNumHeaders', (c) => {
      c.options.numHeaders = headers;
    });
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilderFacade {
    return this.step('setTransposeRowsAndColumns', (c) => {
      c.options.transposeRowsAndColumns = !!transpose;
    });
  }
  setTitle(title: string): EmbeddedChartBuilderFacade {
    return this.step('setTitle', (c) => {
      c.options.title = String(title);
    });
  }
  setStacked(): EmbeddedChartBuilderFacade {
    return this.step('setStacked', (c) => {
      c.options.isStacked = true;
    });
  }
  setLegendPosition(position: unknown): EmbeddedChartBuilderFacade {
    return this.step('setLegendPosition', (c) => {
      c.options['legend.position'] = String(position);
    });
  }
  asColumnChart(): EmbeddedChartBuilderFacade {
    return this.setType('asColumnChart', 'COLUMN');
  }
  asBarChart(): EmbeddedChartBuilderFacade {
    return this.setType('asBarChart', 'BAR');
  }
  asPieChart(): EmbeddedChartBuilderFacade {
    return this.setType('asPieChart', 'PIE');
  }
  asLineChart(): EmbeddedChartBuilderFacade {
    return this.setType('asLineChart', 'LINE');
  }
  asAreaChart(): EmbeddedChartBuilderFacade {
    return this.setType('asAreaChart', 'AREA');
  }
  asTableChart(): EmbeddedChartBuilderFacade {
    return this.setType('asTableChart', 'TABLE');
  }
  private setType(method: string, type: string): EmbeddedChartBuilderFacade {
    return this.step(method, (c) => {
      c.type = type;
    });
  }
  build(): EmbeddedChartFacade {
    gate(this.ws, 'build');
    if (this.chart.ranges.length === 0) throw new Error('The chart has no data: add a range before building it.');
    return new EmbeddedChartFacade(this.ws, this.ssId, structuredClone(this.chart));
  }
  toString(): string {
    return 'EmbeddedChartBuilder';
  }
}
