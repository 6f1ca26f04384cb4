// google.rpc.Status { int32 code = 1; string message = 2; }, the body OTLP/HTTP
// failure responses carry, in the binary encoding.

const varint = (value: number): number[] => {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
};

const LEN = 2;
const VARINT = 0;

export const encodeRpcStatus = (code: number, message: string): Uint8Array => {
  const text = new TextEncoder().encode(message);
  return Uint8Array.from([
    ...(code === 0 ? [] : [(1 << 3) | VARINT, ...varint(code)]),
    ...(text.length === 0 ? [] : [(2 << 3) | LEN, ...varint(text.length), ...text]),
  ]);
};
