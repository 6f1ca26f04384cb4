import { join } from 'node:path';
import { maskSecret } from '@cruddur/telemetry-config';
import { nonBlank, type Env, type Files } from '../finding.js';

/**
 * Where the AWS SDK's default chain would find credentials, judged from the
 * environment and the files it reads, secrets masked to their last four
 * characters: keys in the environment, a profile, container credentials,
 * a web identity token, or a shared credentials or config file. An EC2
 * instance role cannot be seen from here; undefined when nothing else is.
 */
export const awsCredentialSource = (env: Env, files: Files): string | undefined => {
  const keyId = nonBlank(env.AWS_ACCESS_KEY_ID);
  const secret = nonBlank(env.AWS_SECRET_ACCESS_KEY);
  if (keyId !== undefined && secret !== undefined) {
    const token = nonBlank(env.AWS_SESSION_TOKEN);
    return `keys from the environment (AWS_ACCESS_KEY_ID ${maskSecret(keyId)}, AWS_SECRET_ACCESS_KEY ${maskSecret(secret)}${token === undefined ? '' : `, AWS_SESSION_TOKEN ${maskSecret(token)}`})`;
  }
  const profile = nonBlank(env.AWS_PROFILE);
  if (profile !== undefined) return `profile ${profile}`;
  if (nonBlank(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) ?? nonBlank(env.AWS_CONTAINER_CREDENTIALS_FULL_URI)) return 'container credentials';
  if (nonBlank(env.AWS_WEB_IDENTITY_TOKEN_FILE) !== undefined) return 'a web identity token';
  const home = nonBlank(env.HOME);
  const candidates = [nonBlank(env.AWS_SHARED_CREDENTIALS_FILE), nonBlank(env.AWS_CONFIG_FILE), ...(home === undefined ? [] : [join(home, '.aws', 'credentials'), join(home, '.aws', 'config')])];
  const file = candidates.find((path) => path !== undefined && files.read(path) !== undefined);
  return file === undefined ? undefined : `the default profile in ${file}`;
};
