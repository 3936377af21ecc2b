import { Grid } from '../../src/sheets/grid';
import { TableSource, pickTable } from '../../src/sheets/pick-table';

const grid = (sheet: string, rows: Grid['rows']): Grid => ({ sheet, rows });
const units = (sheet: string): Grid =>
  grid(sheet, [
    ['STT', 'Đơn vị', 'Khai sinh', 'Khai tử'],
    [1, 'Xã A', 100, 20],
    [2, 'Xã B', 50, 5],
  ]);
const notes = (sheet: string): Grid => grid(sheet, [['Ghi chú'], ['Bảng số liệu ở trang sau']]);
const empty = (sheet: string): Grid => grid(sheet, []);
const source = (g: Grid, hidden = false): TableSource => ({ grid: g, label: g.sheet, hidden });

describe('pickTable', () => {
  it('picks the first source that holds a units table, past empty sheets and notes', () => {
    const pick = pickTable([source(empty('Bìa')), source(notes('Hướng dẫn')), source(units('Số liệu')), source(units('Số liệu 2'))]);
    expect(pick.kind).toBe('table');
    if (pick.kind !== 'table') return;
    expect(pick.source.label).toBe('Số liệu');
    expect(pick.table.units.map((u) => u.name)).toEqual(['Xã A', 'Xã B']);
    expect(pick.table.registers).toEqual(['KS', 'KT']);
  });

  it('falls back to the first visible source when none holds a table, so its problem is what people see', () => {
    const pick = pickTable([source(units('Ẩn'), true), source(notes('Hướng dẫn')), source(empty('Trống'))]);
    expect(pick.kind === 'table' && pick.source.label).toBe('Hướng dẫn');
    expect(pick.kind === 'table' && pick.table.problems.map((p) => p.code)).toEqual(['no-header']);
  });

  it('skips hidden sources unless one is asked for by its label', () => {
    const sources = [source(units('Ẩn'), true), source(units('Số liệu'))];
    const first = pickTable(sources);
    expect(first.kind === 'table' && first.source).toBe(sources[1]);
    const wanted = pickTable(sources, 'Ẩn');
    expect(wanted.kind === 'table' && wanted.source).toBe(sources[0]);
  });

  it('names every source when the one asked for is not there', () => {
    expect(pickTable([source(units('Số liệu')), source(notes('Ghi chú'))], 'Sheet9')).toEqual({ kind: 'not-found', labels: ['Số liệu', 'Ghi chú'] });
  });

  it('says there is nothing to read when no source is visible', () => {
    expect(pickTable([])).toEqual({ kind: 'none' });
    expect(pickTable([source(units('Ẩn'), true)])).toEqual({ kind: 'none' });
  });

  it('never reads the sources after the one it picks (the CLI builds grids lazily)', () => {
    const untouchable: TableSource = {
      label: 'Sau',
      get grid(): Grid {
        throw new Error('read a grid after the pick');
      },
    };
    expect(pickTable([source(units('Số liệu')), untouchable]).kind).toBe('table');
  });
});
