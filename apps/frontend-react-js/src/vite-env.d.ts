interface ImportMetaEnv {
  /** Origin of the Cruddur API, resolved in vite.config.ts by @cruddur/config. */
  readonly VITE_BACKEND_URL: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
