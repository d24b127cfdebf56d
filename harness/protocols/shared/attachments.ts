import type { Attachment, Message } from '../../contract/messages.ts';
import { unrepresentable } from '../../contract/verify-error.ts';

/** An attachment as a data URL (`data:image/png;base64,...`), the form OpenAI's content parts take. */
export function dataUrl(attachment: Attachment): string {
  return `data:${attachment.mediaType};base64,${attachment.data}`;
}

/**
 * Refuses (never silently drops) attachments a protocol cannot carry: a test sending one is
 * `unsupported` on that protocol, never a pass on a prompt the model never saw.
 */
export function assertAttachmentsCarried(messages: readonly Message[], carried: ReadonlyArray<Attachment['kind']>, protocol: string): void {
  for (const message of messages) {
    if (message.role !== 'user') continue;
    for (const attachment of message.attachments ?? []) {
      if (!carried.includes(attachment.kind)) throw unrepresentable(`${protocol}: the protocol has no ${attachment.kind} input part; cannot send ${attachment.mediaType}`);
    }
  }
}
