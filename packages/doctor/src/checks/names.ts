import { finding, type Check, type Finding } from '../finding.js';
import { KNOWN_VARIABLES } from '../variables.js';

/** Levenshtein distance, one row at a time. */
export const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
};

const squash = (name: string): string => name.replaceAll('_', '').toUpperCase();

/**
 * The known variable `name` was probably meant as: the same once `_` and
 * case are ignored, or within two edits. Short names get fewer edits
 * (HOME is not a typo of HOST).
 */
export const nearMiss = (name: string): string | undefined => {
  if (KNOWN_VARIABLES.includes(name)) return undefined;
  const allowed = Math.min(2, Math.floor(name.length / 5));
  return KNOWN_VARIABLES.find((known) => squash(known) === squash(name) || editDistance(known, name) <= allowed);
};

const QUOTED = /^(["']).*\1$/s;

/**
 * `${...}` references in a value, as a finding shows them: `${NAME}` when the
 * braces hold an upper-case name (alone, or before compose's `:-`, `?`, `+`
 * and the like), else `${…}`. Nothing more is shown: a `:-default`, or a key
 * pasted in place of the name, may be a secret.
 */
const REFERENCE = /\$\{(?:([A-Z_][A-Z0-9_]*)(?=[}:?+-]))?[^}]*\}/g;
export const unexpandedReferences = (value: string): string[] => [
  ...new Set([...value.matchAll(REFERENCE)].map((match) => (match[1] === undefined ? '${…}' : `\${${match[1]}}`))),
];

export const checkNames: Check = (env) => {
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(env)) {
    const meant = nearMiss(name);
    if (meant !== undefined) {
      findings.push(finding('variable-near-miss', `${name} is set: did you mean ${meant}?`, `rename ${name} to ${meant}`));
    }
    if (value === undefined || !KNOWN_VARIABLES.includes(name)) continue;
    if (value === '') {
      findings.push(finding('variable-empty', `${name} is set but empty, so it counts as unset`, `give ${name} a value or remove it`));
    } else if (QUOTED.test(value.trim())) {
      findings.push(finding('variable-quoted', `${name} is wrapped in quotes, which the apps keep as part of the value`, `remove the quotes around ${name}'s value`));
    } else if (value !== value.trim()) {
      findings.push(finding('variable-spaces', `${name} has spaces around its value`, `remove the spaces around ${name}'s value`));
    }
    // Apart from the above, as a quoted or spaced value can hold a reference too. Only the apps'
    // variables, like the checks above: a shell's own (PS1) may hold ${...} on purpose.
    const references = unexpandedReferences(value);
    if (references.length > 0) {
      findings.push(finding('variable-unexpanded', `${name} contains ${references.join(', ')}, unexpanded: the apps read it as text`, `write ${name}'s value itself, not a reference to another variable`));
    }
  }
  return findings;
};
