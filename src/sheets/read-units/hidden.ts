import { Grid } from '../grid';
import { Findings } from './findings';

type Why = 'hidden' | 'filtered';

/** Units named in a warning: a long list is summed up. */
const NAMED = 5;

/** "12, 14–16, 20": sheet rows as ranges. */
function rowRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j === i ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * Units read from hidden rows, which the planner may not mean: they are planned like any other (a filter is a
 * view, and dropping what it hides would lose units silently), with one warning per kind naming the rows.
 */
export class HiddenRows {
  private readonly why = new Map<number, Why>();
  private readonly seen: Record<Why, { r: number; c: number; unit: string }[]> = { hidden: [], filtered: [] };

  constructor(private readonly grid: Grid, private readonly out: Findings) {
    for (const r of grid.hiddenRows ?? []) this.why.set(r, 'hidden');
    for (const r of grid.filteredRows ?? []) this.why.set(r, 'filtered');
  }

  /** A row read into a unit: remembered when it is hidden. */
  note(r: number, nameCol: number, unit: string): void {
    const why = this.why.get(r);
    if (why) this.seen[why].push({ r, c: nameCol, unit });
  }

  report(): void {
    const first = this.grid.firstRow ?? 1;
    for (const why of ['hidden', 'filtered'] as const) {
      const seen = this.seen[why];
      if (seen.length === 0) continue;
      const rows = rowRanges(seen.map((s) => first + s.r));
      const units = [...new Set(seen.map((s) => s.unit))];
      const named = units.slice(0, NAMED);
      const more = units.length > NAMED ? [` và ${units.length - NAMED} đơn vị khác`, ` and ${units.length - NAMED} more`] : ['', ''];
      const [vi, en] = why === 'hidden' ? ['bị ẩn', 'hidden'] : ['bị bộ lọc ẩn', 'hidden by a filter'];
      this.out.add(seen[0].r, seen[0].c, 'warning', why === 'hidden' ? 'hidden-rows' : 'filtered-rows', units.length === 1 ? units[0] : null,
        `Dòng ${rows} ${vi} (${named.map((u) => `«${u}»`).join(', ')}${more[0]}) nhưng vẫn được đọc và lập kế hoạch như các dòng khác; ` +
          'nếu không muốn lập kế hoạch cho các đơn vị này, hãy xóa các dòng đó khỏi bảng hoặc chỉ chọn vùng cần đọc.',
        `${seen.length === 1 ? 'Row' : 'Rows'} ${rows} ${seen.length === 1 ? 'is' : 'are'} ${en} (${named.map((u) => `"${u}"`).join(', ')}${more[1]}) ` +
          'yet read and planned like the others; if these units are not to be planned, delete those rows from the table or select only the range to read.');
    }
  }
}
