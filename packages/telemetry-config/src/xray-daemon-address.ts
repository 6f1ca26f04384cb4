export interface DaemonAddress {
  readonly host: string;
  readonly port: number;
}

const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;

const parseHostPort = (text: string): DaemonAddress | undefined => {
  const match = HOST_PORT.exec(text);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host, port };
};

/**
 * Reads AWS_XRAY_DAEMON_ADDRESS as the X-Ray SDKs do: `host:port`,
 * `udp:host:port`, or the pair `tcp:host:port udp:host:port` (the TCP half
 * is for centralised sampling, which we do not use). Undefined when unset
 * or blank; throws naming the variable when malformed.
 */
export const parseDaemonAddress = (value: string | undefined): DaemonAddress | undefined => {
  const text = value?.trim();
  if (!text) return undefined;
  const parts = text.split(/\s+/);
  const udp = parts.length === 1 ? parts[0]?.replace(/^udp:/, '') : parts.find((part) => part.startsWith('udp:'))?.slice(4);
  const valid = parts.length <= 2 && (parts.length === 1 || parts.some((part) => part.startsWith('tcp:')));
  const address = valid && udp !== undefined ? parseHostPort(udp) : undefined;
  if (address === undefined) {
    throw new Error(
      `AWS_XRAY_DAEMON_ADDRESS must be host:port, udp:host:port or "tcp:host:port udp:host:port" (port 1-65535), got ${JSON.stringify(value)}`,
    );
  }
  return address;
};

/** How the address reads in logs: `host:port`, IPv6 in brackets. */
export const describeDaemonAddress = ({ host, port }: DaemonAddress): string =>
  `${host.includes(':') ? `[${host}]` : host}:${String(port)}`;
