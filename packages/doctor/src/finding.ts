import { CATALOG, type CheckId } from './catalog.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** The files a check may read, behind one seam so tests hand in their own. */
export interface Files {
  /** The repository root: relative paths resolve against it. */
  readonly root: string;
  /** The file's text, or undefined when it cannot be read. */
  read(path: string): string | undefined;
}

export type Level = 'error' | 'warning' | 'info';

/** One problem, with its fix in one line. Never holds a full secret. */
export interface Finding {
  /** The check that found it: its entry in CATALOG, and in README.md's Troubleshooting. */
  readonly id: CheckId;
  readonly level: Level;
  readonly integration: string;
  readonly message: string;
  readonly fix: string;
}

/** One row of the table: is the integration on, and where does it send. */
export interface Status {
  readonly integration: string;
  readonly on: boolean;
  readonly target: string;
}

export type Check = (env: Env, files: Files) => Finding[];
export type Describe = (env: Env, files: Files) => Status[];

export const nonBlank = (value: string | undefined): string | undefined => value?.trim() || undefined;

/** A finding of check `id`: level and integration from the catalogue, the fix specific when given. */
export const finding = (id: CheckId, message: string, fix?: string): Finding => {
  const entry = CATALOG[id];
  return { id, level: entry.level, integration: entry.integration, message, fix: fix ?? entry.fix };
};

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs a parser that throws on a malformed value, turning the throw into a finding of check `id`. */
export const thrown = (id: CheckId, fix: string, parse: () => unknown): Finding[] => {
  try {
    parse();
    return [];
  } catch (error) {
    return [finding(id, errorMessage(error), fix)];
  }
};

/** A status target that never throws: `invalid` when the parser does. */
export const attempt = (read: () => string): string => {
  try {
    return read();
  } catch {
    return 'invalid (see below)';
  }
};
