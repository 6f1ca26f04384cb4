/**
 * Sets environment variables (undefined deletes them) while `run` runs, then
 * puts back what was there: Vite reads VITE_* and the app's URLs from
 * process.env and has no other way to be given them.
 */
export const withEnv = async <T>(vars: Readonly<Record<string, string | undefined>>, run: () => Promise<T>): Promise<T> => {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Readonly<Record<string, string | undefined>>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  };
  apply(vars);
  try {
    return await run();
  } finally {
    apply(saved);
  }
};
