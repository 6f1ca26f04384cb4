interface ImportMetaEnv {
  /** Origin of the Cruddur API, resolved in vite.config.ts by @cruddur/config. */
  readonly VITE_BACKEND_URL: string;
  /** Rollbar `post_client_item` token: set, the app reports its errors (see src/errorReporting.ts). */
  readonly VITE_ROLLBAR_CLIENT_TOKEN?: string;
  /** Rollbar's item API, default https://api.rollbar.com/api/1/item/. */
  readonly VITE_ROLLBAR_ENDPOINT?: string;
  /** Rollbar environment, default "development". */
  readonly VITE_ROLLBAR_ENVIRONMENT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
