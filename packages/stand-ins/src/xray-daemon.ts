import { createSocket } from 'node:dgram';

const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export interface ReceivedDatagram<Document> {
  /** The header line exactly as it arrived. */
  readonly header: string;
  readonly document: Document;
  readonly bytes: number;
}

export interface XrayDaemon<Document> {
  /** For `AWS_XRAY_DAEMON_ADDRESS`: `127.0.0.1:<port>`. */
  readonly address: string;
  readonly port: number;
  /** Every well-framed datagram, in order. */
  readonly received: readonly ReceivedDatagram<Document>[];
  /** Why each badly framed datagram was refused, with its start. */
  readonly malformed: readonly string[];
  documents(): Document[];
  close(): Promise<void>;
}

/**
 * A stand-in for the X-Ray daemon on 127.0.0.1 (UDP, the OS's port unless
 * given): it checks the framing of each datagram (header line
 * `{"format":"json","version":1}`, newline, one JSON document) and keeps
 * what arrived. `Document` is the shape the caller reads the JSON as.
 */
export const startXrayDaemon = async <Document = Record<string, unknown>>({ port = 0 }: { port?: number } = {}): Promise<XrayDaemon<Document>> => {
  const received: ReceivedDatagram<Document>[] = [];
  const malformed: string[] = [];
  // A burst of segments at shutdown overflows the default 208 KiB receive
  // buffer and loopback drops the rest; the real daemon reads in a tight loop.
  const socket = createSocket({ type: 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const newline = text.indexOf('\n');
    try {
      if (newline < 0) throw new Error('no newline after the header');
      const header = text.slice(0, newline);
      const parsed = JSON.parse(header) as { format?: unknown; version?: unknown };
      if (parsed.format !== 'json' || parsed.version !== 1) throw new Error(`unexpected header ${header}`);
      received.push({ header, document: JSON.parse(text.slice(newline + 1)) as Document, bytes: message.length });
    } catch (error) {
      malformed.push(`${String(error)}: ${text.slice(0, 200)}`);
    }
  });
  await new Promise<void>((resolve) => socket.bind(port, '127.0.0.1', resolve));
  const bound = socket.address().port;
  return {
    address: `127.0.0.1:${String(bound)}`,
    port: bound,
    received,
    malformed,
    documents: () => received.map(({ document }) => document),
    close: () =>
      new Promise<void>((resolve) => {
        socket.close(() => {
          resolve();
        });
      }),
  };
};
