/** A duration for people: `"250ms"`, `"1.5s"`, `"10m"`, `"2h"`, `"1d"`, in the largest unit. */
export function formatDuration(ms: number): string {
  const [size, unit] =
    ms >= 86_400_000
      ? [86_400_000, 'd']
      : ms >= 3_600_000
        ? [3_600_000, 'h']
        : ms >= 60_000
          ? [60_000, 'm']
          : ms >= 1000
            ? [1000, 's']
            : [1, 'ms']
  return `${Number((ms / size).toFixed(1))}${unit}`
}
