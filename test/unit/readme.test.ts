// The README lists what clients switch on: every userError code, with the text the code gives it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USER_ERROR_CODES } from '../../src/graph/common/userError';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

  it('lists every userError code with its meaning, and no code that no longer exists', () => {
    for (const [code, meaning] of Object.entries(USER_ERROR_CODES))
      expect(readme).toContain(`| \`${code}\` | ${meaning} |`);
    const section = readme.slice(readme.indexOf('| code | when |'));
    const listed = [...section.slice(0, section.indexOf('\n\n')).matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(USER_ERROR_CODES));
  });
});
