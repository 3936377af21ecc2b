import { namesCell, splitAdvice } from '../../src/taskpane/shared/problem-text';

describe('how the problem list reads a message', () => {
  it('splits the fact from the advice at the sentence’s end, not inside parentheses nor after "e.g."', () => {
    expect(splitAdvice('Số liệu!B7 has a count but no register name (e.g. "Births"). Write the register in its column.')).toEqual({
      fact: 'Số liệu!B7 has a count but no register name (e.g. "Births").',
      advice: 'Write the register in its column.',
    });
    expect(splitAdvice('Ô C7 trống. Hãy ghi số.')).toEqual({ fact: 'Ô C7 trống.', advice: 'Hãy ghi số.' });
    expect(splitAdvice('One sentence only (i.e. no advice)')).toEqual({ fact: 'One sentence only (i.e. no advice)', advice: '' });
  });

  it('knows a message names its cell only by the cell itself: C7, not C70', () => {
    expect(namesCell('Ô C7 trống.', 'Số liệu!C7')).toBe(true);
    expect(namesCell('Ô C70 trống.', 'Số liệu!C7')).toBe(false);
    expect(namesCell('Ô AC7 trống.', 'Số liệu!C7')).toBe(false);
    expect(namesCell('Số liệu!C7: trống.', 'Số liệu!C7')).toBe(true);
  });
});
