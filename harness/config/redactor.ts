import { REDACTED, redactUrlsInText } from '../protocols/shared/redact.ts';

/** Secrets shorter than this are not searched for in free text (too many false hits). */
const MIN_SECRET_LENGTH = 4;
/** A base64 fragment shorter than this is not searched for (it would match unrelated text). */
const MIN_FRAGMENT_LENGTH = 8;

/**
 * Every form a secret can take in text we write: itself, URL-encoded (both encoders), base64 and
 * base64url — also as a fragment of a longer base64 text (e.g. `Basic base64(user:secret)`), at
 * each of the three byte alignments, keeping only the characters the secret alone determines.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret), encodeURI(secret)]);
  const bytes = Buffer.from(secret, 'utf8');
  for (const offset of [0, 1, 2]) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = padded.toString(encoding).replace(/=+$/, '');
      // The first group mixes in the pad bytes (offset > 0); the last group mixes in whatever follows.
      const start = offset === 0 ? 0 : 4;
      const usable = Math.floor((offset + bytes.length) / 3) * 4;
      if (offset === 0 && encoded.length >= MIN_FRAGMENT_LENGTH) forms.add(padded.toString(encoding)).add(encoded);
      const fragment = encoded.slice(start, usable);
      if (fragment.length >= MIN_FRAGMENT_LENGTH) forms.add(fragment);
    }
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

export interface Redactor {
  /** Secrets, URL credentials and their encoded forms replaced by `[redacted]`. */
  text(value: string): string;
  /** A deep copy of a JSON-like value with every string (and object key) redacted. */
  deep<T>(value: T): T;
}

/** A redactor for a run's secret values (credential env vars, keys, URL userinfo and query keys). */
export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const forms = [...new Set([...secrets].filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH).flatMap(secretForms))]
    // Longest first, so a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const text = (value: string): string => {
    let out = redactUrlsInText(value);
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, entry]) => [text(key), deep(entry)]));
    }
    return value;
  };
  return { text, deep: <T>(value: T) => deep(value) as T };
}
