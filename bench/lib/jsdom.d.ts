// jsdom ships no types and @types/jsdom is not installed; the bench needs only this much.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { pretendToBeVisual?: boolean; url?: string })
    readonly window: Window & typeof globalThis
  }
}
