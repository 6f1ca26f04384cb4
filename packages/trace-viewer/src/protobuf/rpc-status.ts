// google.rpc.Status { int32 code = 1; string message = 2; }, the body OTLP/HTTP
// failure responses carry, in the binary encoding.
import { encode } from '@cruddur/protobuf-wire';

export const encodeRpcStatus = (code: number, message: string): Uint8Array =>
  Buffer.concat([code === 0 ? new Uint8Array() : encode.varint(1, code), message === '' ? new Uint8Array() : encode.string(2, message)]);
