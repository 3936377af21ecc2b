import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { promises as fs } from 'fs';
import { writeAtomically } from '../../src/hosts/files/write-file';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('quota-write-');
afterAll(() => tmp.cleanup());

describe('writing outputs', () => {
  it('leaves neither output, nor a temporary file, when one of them fails, and keeps an older file intact', async () => {
    writeFileSync(tmp.file('plan.json'), 'older plan');
    const failing = writeAtomically([
      { target: tmp.file('plan.json'), write: (t) => fs.writeFile(t, 'new plan') },
      { target: tmp.file('plan.xlsx'), write: async () => { throw new Error('disk full'); } },
    ]);
    await expect(failing).rejects.toThrow('disk full');
    expect(readFileSync(tmp.file('plan.json'), 'utf8')).toBe('older plan');
    expect(existsSync(tmp.file('plan.xlsx'))).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('puts every file in place when all are written', async () => {
    await writeAtomically([
      { target: tmp.file('a.json'), write: (t) => fs.writeFile(t, 'A') },
      { target: tmp.file('sub/b.json'), write: (t) => fs.writeFile(t, 'B') },
    ]);
    expect(readFileSync(tmp.file('a.json'), 'utf8')).toBe('A');
    expect(readFileSync(tmp.file('sub/b.json'), 'utf8')).toBe('B');
  });
});
