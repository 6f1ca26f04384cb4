import type { Diagnosis } from './registry.js';

const pad = (text: string, width: number): string => text.padEnd(width);

/** The table of integrations, then one line per finding with its fix and the check's id. */
export const render = ({ statuses, findings }: Diagnosis): string => {
  const width = Math.max(...statuses.map((status) => status.integration.length));
  const rows = statuses.map((status) => `${pad(status.integration, width)}  ${status.on ? 'on ' : 'off'}  ${status.target}`);
  const problems = findings.map((finding) => `${pad(finding.level.toUpperCase(), 7)}  [${finding.integration}] ${finding.message}\n         fix: ${finding.fix} (${finding.id})`);
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const summary =
    findings.length === 0
      ? 'No problems found.'
      : `${String(findings.length)} finding(s), ${String(errors)} error(s). Each (id) is explained under Troubleshooting in README.md.`;
  return [...rows, '', ...problems, ...(problems.length > 0 ? [''] : []), summary].join('\n');
};
