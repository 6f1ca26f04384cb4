export { fieldRanges, ProtobufDecodeError, WireReader, WireType } from './reader.js';
export type { Field, FieldRange } from './reader.js';
export { encode, tag, varint } from './writer.js';
