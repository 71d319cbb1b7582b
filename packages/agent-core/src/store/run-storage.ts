/** Where a store keeps its snapshot between reloads: `localStorage`, IndexedDB, a file… */
export interface RunStorage {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
}
