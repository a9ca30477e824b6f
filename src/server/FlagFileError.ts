/** A flag file that cannot be served. The message names the file, the flag and the problem. */
export class FlagFileError extends Error {
  override readonly name = 'FlagFileError'
}
