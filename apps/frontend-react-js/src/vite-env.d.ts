interface ImportMetaEnv {
  /** Origin of the Cruddur API, resolved in vite.config.ts by @cruddur/config. */
  readonly VITE_BACKEND_URL: string;
  /** "true" builds the app without browser tracing (see src/telemetry.ts). */
  readonly VITE_OTEL_DISABLED?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
