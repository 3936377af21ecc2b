import { movePriority, shownPriority } from '../../src/taskpane/plan/priority';

describe('the priority list', () => {
  it('shows the registers of the table, chosen ones first, then the usual order (KS, KH, KT)', () => {
    expect(shownPriority(['KT', 'KS', 'KH'], [])).toEqual(['KS', 'KH', 'KT']);
    expect(shownPriority(['KT', 'KS', 'KH'], ['KT'])).toEqual(['KT', 'KS', 'KH']);
    expect(shownPriority(['KS', 'NCN'], ['NCN', 'GH'])).toEqual(['NCN', 'KS']);
  });

  it('has nothing to order for a table with one count column', () => {
    expect(shownPriority(['ALL'], [])).toEqual([]);
  });

  it('moves a register up or down, keeping codes chosen for registers not in this table after it', () => {
    const present = ['KS', 'KT', 'KH'];
    expect(movePriority(present, [], 2, -1)).toEqual(['KS', 'KT', 'KH']);
    expect(movePriority(present, ['GH'], 0, 1)).toEqual(['KH', 'KS', 'KT', 'GH']);
    expect(shownPriority(present, movePriority(present, [], 0, 1))).toEqual(['KH', 'KS', 'KT']);
  });

  it('leaves the order alone for a move past either end', () => {
    expect(movePriority(['KS', 'KH'], ['KH'], 0, -1)).toEqual(['KH']);
    expect(movePriority(['KS', 'KH'], ['KH'], 1, 1)).toEqual(['KH']);
  });
});
