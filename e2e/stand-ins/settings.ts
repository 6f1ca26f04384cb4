// Where the stand-ins the e2e API reports to listen (see serve.ts), and the dummy secrets it gets.

/** The JSON API that tells the tests what the stand-ins received. */
export const STAND_INS_URL = 'http://127.0.0.1:4390';
export const ROLLBAR_PORT = 4391;
/** Where both apps post their Rollbar items. */
export const ROLLBAR_ITEM_ENDPOINT = `http://127.0.0.1:${String(ROLLBAR_PORT)}/api/1/item/`;
export const CLOUDWATCH_PORT = 4392;
/** X-Ray's OTLP endpoint (the API's AWS_ENDPOINT_URL_XRAY). */
export const XRAY_OTLP_PORT = 4394;
/** The region the API signs X-Ray's requests for, and the stand-in checks. */
export const AWS_REGION = 'us-east-1';
/** The group the API logs to by default. */
export const LOG_GROUP = 'Cruddur';

/** Dummy secrets the e2e API gets: the tests check no sink ever receives them. */
export const DUMMY_ROLLBAR_TOKEN = 'e2e-dummy-rollbar-token-0000';
export const DUMMY_AWS_ACCESS_KEY_ID = 'e2e-dummy-access-key-id';
export const DUMMY_AWS_SECRET = 'e2e-dummy-aws-secret-access-key-0000';
/** The web app's Rollbar token: a `post_client_item` token is public by design, so it is in the bundle and its items. */
export const CLIENT_ROLLBAR_TOKEN = 'e2e-public-rollbar-client-token-0000';
