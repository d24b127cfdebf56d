import { asNumber, asObject, asString, type EventOrderChecker } from '../shared/raw-event.ts';

const MEMBERS = ['messageStart', 'contentBlockStart', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata'] as const;
const EXCEPTIONS = ['internalServerException', 'modelStreamErrorException', 'validationException', 'throttlingException', 'serviceUnavailableException'];

/** The member of the ConverseStreamOutput union an event carries. */
function memberOf(raw: unknown): string {
  const event = asObject(raw) ?? {};
  const keys = Object.keys(event).filter((key) => event[key] !== undefined && key !== '$metadata');
  return keys.find((key) => (MEMBERS as readonly string[]).includes(key) || EXCEPTIONS.includes(key)) ?? keys[0] ?? '(empty)';
}

/**
 * Bedrock ConverseStream (the SDK's ConverseStreamOutput union members):
 *   messageStart → (contentBlockStart? → contentBlockDelta* → contentBlockStop)+ → messageStop → metadata?
 * Text blocks may start without contentBlockStart (only tool use blocks must have one). Blocks are
 * sequential with increasing contentBlockIndex; messageStop (with stopReason) once, after all blocks
 * stopped; metadata (usage, metrics) after messageStop and last; exception members are violations.
 */
export const checkBedrockConverseEventOrder: EventOrderChecker = (events, options = {}) => {
  const violations: string[] = [];
  if (events.length === 0) return ['no events were streamed'];
  if (memberOf(events[0]) !== 'messageStart') violations.push(`first event is ${memberOf(events[0])}, expected messageStart`);
  let open: number | undefined;
  let lastClosed = -1;
  let blocks = 0;
  let stopAt = -1;
  let metadataAt = -1;
  events.forEach((raw, i) => {
    const member = memberOf(raw);
    const body = asObject(asObject(raw)?.[member]) ?? {};
    const index = asNumber(body.contentBlockIndex);
    if (stopAt >= 0 && member !== 'metadata') violations.push(`event ${i}: ${member} after messageStop`);
    if (metadataAt >= 0) violations.push(`event ${i}: ${member} after metadata`);
    const opens = (at: number) => {
      if (open !== undefined && open !== at) violations.push(`event ${i}: block ${at} starts while block ${open} is open`);
      if (at <= lastClosed) violations.push(`event ${i}: block ${at} after block ${lastClosed} was stopped`);
      if (open !== at) blocks += 1;
      open = at;
    };
    switch (member) {
      case 'messageStart':
        if (i !== 0) violations.push(`event ${i}: messageStart again`);
        break;
      case 'contentBlockStart':
        if (index === undefined) violations.push(`event ${i}: contentBlockStart without contentBlockIndex`);
        else {
          if (open === index) violations.push(`event ${i}: block ${index} started twice`);
          opens(index);
        }
        break;
      case 'contentBlockDelta':
        if (index === undefined) violations.push(`event ${i}: contentBlockDelta without contentBlockIndex`);
        else if (open !== index) opens(index);
        break;
      case 'contentBlockStop':
        if (index === undefined || index !== open) violations.push(`event ${i}: contentBlockStop for block ${String(index)} but the open block is ${String(open)}`);
        if (index !== undefined) lastClosed = Math.max(lastClosed, index);
        open = undefined;
        break;
      case 'messageStop':
        if (stopAt >= 0) violations.push(`event ${i}: messageStop again`);
        if (open !== undefined) violations.push(`event ${i}: messageStop while block ${open} is open`);
        if (!asString(body.stopReason)) violations.push(`event ${i}: messageStop without stopReason`);
        stopAt = i;
        break;
      case 'metadata':
        if (stopAt < 0) violations.push(`event ${i}: metadata before messageStop`);
        metadataAt = i;
        break;
      default:
        violations.push(EXCEPTIONS.includes(member) ? `event ${i} is an exception: ${member}` : `event ${i}: unknown member ${member}`);
    }
  });
  if (blocks === 0) violations.push('no content block was streamed');
  if (stopAt < 0) violations.push('no messageStop');
  if (options.usageExpected && metadataAt < 0) violations.push('usage expected but no metadata event');
  return violations;
};
