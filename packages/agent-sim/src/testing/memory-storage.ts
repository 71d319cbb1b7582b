/**
 * Run storage in memory, for a test of a reload: give the same one to the provider before
 * and after, as the browser's storage outlives a page. It can be listed as `localStorage`
 * can (`length`, `key`), so `clearAgentStorage` works on it; `data` is what it holds.
 */
export function createMemoryStorage() {
  const data = new Map<string, string>()
  return {
    data,
    get length() {
      return data.size
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  }
}
