import { fork, type ChildProcess } from 'node:child_process';
import { ownScript } from './paths.js';
import { stopChild, track } from './processes.js';
import type { ReceiverTraffic } from './results.js';

export interface Receiver {
  /** Base URL for OTLP/HTTP exporters (they append /v1/traces and so on). */
  readonly otlpUrl: string;
  /** `host:port` for AWS_XRAY_DAEMON_ADDRESS. */
  readonly udpAddress: string;
  counts(): Promise<ReceiverTraffic>;
  stop(): Promise<void>;
}

interface ReadyMessage {
  type: 'ready';
  httpPort: number;
  udpPort: number;
}
interface CountsMessage {
  type: 'counts';
  counts: ReceiverTraffic;
}
type Message = ReadyMessage | CountsMessage;

const nextMessage = <T extends Message['type']>(child: ChildProcess, type: T): Promise<Extract<Message, { type: T }>> =>
  new Promise((resolve, reject) => {
    const onMessage = (message: Message) => {
      if (message.type !== type) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(message as Extract<Message, { type: T }>);
    };
    const onExit = (code: number | null) => {
      reject(new Error(`the receiver exited (${String(code)}) before sending ${type}`));
    };
    child.on('message', onMessage).once('exit', onExit);
  });

/** The receiver in a child process of its own, once it listens. */
export const startReceiver = async (): Promise<Receiver> => {
  const child = track(fork(ownScript('receiver.js'), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const { httpPort, udpPort } = await nextMessage(child, 'ready');
  return {
    otlpUrl: `http://127.0.0.1:${String(httpPort)}`,
    udpAddress: `127.0.0.1:${String(udpPort)}`,
    counts: async () => {
      const reply = nextMessage(child, 'counts');
      child.send('counts');
      return (await reply).counts;
    },
    stop: () => stopChild(child),
  };
};
