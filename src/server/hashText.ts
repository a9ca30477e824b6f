import { createHash } from 'node:crypto'

/** A short, stable digest of a text, for ETags. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url')
}
