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

/** Runs a parser that throws on a malformed value, turning the throw into an error finding. */
export const thrown = (integration: string, fix: string, parse: () => unknown): Finding[] => {
  try {
    parse();
    return [];
  } catch (error) {
    return [{ level: 'error', integration, message: error instanceof Error ? error.message : String(error), fix }];
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
