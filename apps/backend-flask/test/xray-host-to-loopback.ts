import dns from 'node:dns';

/**
 * Loaded with `--import` into the built server: X-Ray's OTLP host names
 * (xray.<region>.amazonaws.com) resolve to 127.0.0.1, where the test's
 * stand-in listens, so a destination named by X-Ray's own host can be
 * tested on this machine (over http, on the stand-in's port).
 */
const XRAY_HOST = /^xray\.[a-z0-9-]+\.amazonaws\.com$/;
type Callback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

const lookup = dns.lookup.bind(dns) as (hostname: string, options: dns.LookupOptions, callback: Callback) => void;

const loopback = (hostname: string, options: dns.LookupOptions | Callback | number, callback?: Callback): void => {
  const done = (typeof options === 'function' ? options : callback) as Callback;
  const settings: dns.LookupOptions = typeof options === 'object' ? options : {};
  if (!XRAY_HOST.test(hostname)) {
    lookup(hostname, settings, done);
    return;
  }
  if (settings.all === true) done(null, [{ address: '127.0.0.1', family: 4 }]);
  else done(null, '127.0.0.1', 4);
};

Object.assign(dns, { lookup: loopback });
