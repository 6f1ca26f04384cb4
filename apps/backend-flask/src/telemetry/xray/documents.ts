import { toXrayTraceId } from '@cruddur/telemetry-conventions';
import type { XrayDocument } from './segment.js';
import type { Placement, SpanTree } from './trace-assembly.js';
import { translateSpan } from './translate.js';

/** What the daemon expects before each document, in the same datagram. */
export const DAEMON_HEADER = '{"format":"json","version":1}\n';

/** The daemon reads datagrams of up to 64 KiB; this leaves room to spare. */
export const MAX_DATAGRAM_BYTES = 64_000;

export const frame = (document: XrayDocument): Buffer => Buffer.from(DAEMON_HEADER + JSON.stringify(document));

type Link = Pick<XrayDocument, 'trace_id' | 'parent_id' | 'type'>;

export interface Datagrams {
  readonly datagrams: Buffer[];
  /** Documents that exceed the limit even on their own, left out. */
  readonly tooLarge: number;
}

/**
 * The datagrams for one placement: one document with the subsegments
 * embedded when it fits; otherwise the document on its own and each child
 * subtree as a separate `subsegment` document with `trace_id` and
 * `parent_id`, split again as far as needed.
 */
export const toDatagrams = ({ traceId, ...placement }: Placement, limit = MAX_DATAGRAM_BYTES): Datagrams => {
  const xrayTraceId = toXrayTraceId(traceId);
  const translated = new Map<SpanTree, XrayDocument>();
  const translate = (tree: SpanTree): XrayDocument => {
    // Once per span: exception ids are random and must not change between attempts.
    const document = translated.get(tree) ?? translateSpan(tree.span);
    translated.set(tree, document);
    return document;
  };
  const nest = (tree: SpanTree): XrayDocument => ({
    ...translate(tree),
    subsegments: tree.children.length > 0 ? tree.children.map(nest) : undefined,
  });
  const linked = (document: XrayDocument, link: Link): XrayDocument => {
    const { name, id, ...rest } = document;
    return { name, id, ...link, ...rest };
  };

  let tooLarge = 0;
  const pack = (tree: SpanTree, link: Link): Buffer[] => {
    const whole = frame(linked(nest(tree), link));
    if (whole.length <= limit) return [whole];
    const alone = frame(linked(translate(tree), link));
    if (alone.length > limit) tooLarge++;
    const childLink: Link = { type: 'subsegment', trace_id: xrayTraceId, parent_id: tree.span.spanContext().spanId };
    return [...(alone.length <= limit ? [alone] : []), ...tree.children.flatMap((child) => pack(child, childLink))];
  };

  const datagrams =
    placement.kind === 'segment'
      ? pack(placement.tree, { trace_id: xrayTraceId, parent_id: placement.tree.span.parentSpanContext?.spanId })
      : pack(placement.tree, { type: 'subsegment', trace_id: xrayTraceId, parent_id: placement.parentId });
  return { datagrams, tooLarge };
};
