import { CATALOG, CHECK_IDS, type CheckId } from './catalog.js';

export const START_MARKER = '<!-- troubleshooting:start -->';
export const END_MARKER = '<!-- troubleshooting:end -->';

/** A table cell: no line breaks, pipes escaped. */
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * README.md's Troubleshooting section, from the doctor's own checks: one
 * table per integration, in catalogue order. `cruddur-doctor
 * --troubleshooting` prints it; `pnpm --filter @cruddur/doctor run readme`
 * writes it between the markers.
 */
export const renderTroubleshooting = (): string => {
  const groups = new Map<string, CheckId[]>();
  for (const id of CHECK_IDS) {
    const { integration } = CATALOG[id];
    groups.set(integration, [...(groups.get(integration) ?? []), id]);
  }
  const tables = [...groups].map(([integration, ids]) =>
    [
      `### ${integration}`,
      '',
      '| id | level | what you see | fix |',
      '| --- | --- | --- | --- |',
      ...ids.map((id) => `| \`${id}\` | ${CATALOG[id].level} | ${cell(CATALOG[id].symptom)} | ${cell(CATALOG[id].fix)} |`),
    ].join('\n'),
  );
  return [
    '## Troubleshooting',
    '',
    'Run `pnpm run doctor`: the fix line of each problem it prints ends with an',
    'id, such as `(honeycomb-key-rejected)`. Find it below: what you see when you',
    'have that problem, and how to fix it. This section is generated from the',
    "doctor's checks (`pnpm --filter @cruddur/doctor run readme`).",
    '',
    tables.join('\n\n'),
  ].join('\n');
};

/** `readme` with the text between the markers replaced by `section`; throws when the markers are missing. */
export const replaceSection = (readme: string, section: string): string => {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START_MARKER} and ${END_MARKER}, in that order`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${section}\n${readme.slice(end)}`;
};

/** The text between the markers, or undefined without them. */
export const currentSection = (readme: string): string | undefined => {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  return start < 0 || end < start ? undefined : readme.slice(start + START_MARKER.length, end).replace(/^\n/, '').replace(/\n$/, '');
};
