export function median(values: number[]) {
  return quantile(values, 0.5)
}

export function quantile(values: number[], q: number) {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low)
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits))

export function gc() {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run with node --expose-gc')
  collect()
  collect()
}
