// @ts-check
// One colour per service, the same on every load: the app's two services get
// fixed, clearly different colours; any other service a stable pick by name.

const PALETTE = ['#38d9c7', '#ffa94d', '#74c0fc', '#e599f7', '#a9e34b', '#ffd43b', '#f783ac', '#b197fc'];

/** @type {Record<string, number>} */
const FIXED = { 'frontend-react-js': 0, 'backend-flask': 1 };
const FIRST_FREE = 2;

/** @param {string} service */
export function serviceColor(service) {
  const fixed = FIXED[service];
  if (fixed !== undefined) return /** @type {string} */ (PALETTE[fixed]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < service.length; i++) {
    hash ^= service.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  const index = FIRST_FREE + ((hash >>> 0) % (PALETTE.length - FIRST_FREE));
  return /** @type {string} */ (PALETTE[index]);
}
