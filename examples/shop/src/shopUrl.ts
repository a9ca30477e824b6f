/**
 * Where the flag server is: `?flags=<url>` (the end-to-end tests start one on a random port),
 * else the one `npm start` runs.
 */
export function flagServerUrl(): string {
  return new URLSearchParams(location.search).get('flags') ?? 'http://127.0.0.1:8787'
}

/** The signed-in user lives in the address, so a reload keeps it and a link can share it. */
export function userIdInUrl(): string | null {
  return new URLSearchParams(location.search).get('user')
}

export function putUserIdInUrl(id: string): void {
  const url = new URL(location.href)
  url.searchParams.set('user', id)
  history.replaceState(null, '', url)
}
