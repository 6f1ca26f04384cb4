import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG, CHECK_IDS } from '../src/catalog.js';
import { currentSection, END_MARKER, renderTroubleshooting, replaceSection, START_MARKER } from '../src/troubleshooting.js';

const README = new URL('../../../README.md', import.meta.url);

describe('README.md Troubleshooting section', () => {
  it('is exactly what the doctor generates (regenerate: pnpm --filter @cruddur/doctor run readme)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(currentSection(readme), 'README.md is out of date: run pnpm --filter @cruddur/doctor run readme').toBe(renderTroubleshooting());
  });

  it('follows the "Checking your configuration" section', () => {
    const readme = readFileSync(README, 'utf8');
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings[headings.indexOf('Checking your configuration') + 1]).toBe('Troubleshooting');
    expect(readme.indexOf('## Checking your configuration')).toBeLessThan(readme.indexOf(START_MARKER));
  });

  it('lists every check once, with its level, symptom and fix', () => {
    const section = renderTroubleshooting();
    for (const id of CHECK_IDS) {
      const rows = section.split('\n').filter((line) => line.startsWith(`| \`${id}\` |`));
      expect(rows, id).toHaveLength(1);
      expect(rows[0]).toContain(`| ${CATALOG[id].level} |`);
    }
    expect(section).toContain('| `honeycomb-key-rejected` | error | Honeycomb stays empty; exports fail with 401');
  });

  it('keeps every symptom and fix to one table cell and ids in kebab case', () => {
    for (const id of CHECK_IDS) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      const { symptom, fix } = CATALOG[id];
      for (const text of [symptom, fix]) {
        expect(text).not.toContain('\n');
        expect(text.length, `${id}: keep it short`).toBeLessThanOrEqual(260);
      }
    }
  });

  it('replaces only the text between the markers, and needs both', () => {
    const readme = `# Title\n\n${START_MARKER}\nold text\n${END_MARKER}\n\n## Next\n`;
    const updated = replaceSection(readme, '## Troubleshooting\n\nnew');
    expect(updated).toBe(`# Title\n\n${START_MARKER}\n## Troubleshooting\n\nnew\n${END_MARKER}\n\n## Next\n`);
    expect(currentSection(updated)).toBe('## Troubleshooting\n\nnew');
    expect(replaceSection(updated, '## Troubleshooting\n\nnew')).toBe(updated);
    expect(() => replaceSection('# no markers\n', 'x')).toThrow(`README.md needs ${START_MARKER} and ${END_MARKER}, in that order`);
  });
});
