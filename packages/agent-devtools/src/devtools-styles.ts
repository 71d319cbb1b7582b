/**
 * The panel's styles, scoped to `[data-kvid-devtools]`: the root resets everything it could
 * inherit (`all: initial`), its descendants go back to the browser's defaults (`all: revert`,
 * which outranks a host page's element rules such as `button { … }`), and every rule of ours
 * sits under the root, so nothing leaks out. Colours are variables an app may override.
 */
export const DEVTOOLS_STYLES = `
[data-kvid-devtools] {
  all: initial;
  --kvid-devtools-bg: #0f172a;
  --kvid-devtools-surface: #1e293b;
  --kvid-devtools-text: #e2e8f0;
  --kvid-devtools-muted: #a3b1c6;
  --kvid-devtools-accent: #7dd3fc;
  --kvid-devtools-warning: #fcd34d;
  --kvid-devtools-border: #334155;
  font: 13px/1.4 ui-sans-serif, system-ui, sans-serif;
  color: var(--kvid-devtools-text);
  text-align: left;
}
[data-kvid-devtools] * { all: revert; box-sizing: border-box; }
[data-kvid-devtools] [data-part='toggle'] {
  position: fixed; z-index: 2147483000; right: 12px; bottom: 12px;
  padding: 6px 10px; border-radius: 6px; border: 1px solid var(--kvid-devtools-border);
  background: var(--kvid-devtools-bg); color: var(--kvid-devtools-text); font: inherit; cursor: pointer;
}
[data-kvid-devtools][data-position='bottom-left'] [data-part='toggle'] { right: auto; left: 12px; }
[data-kvid-devtools][data-position='top-right'] [data-part='toggle'] { bottom: auto; top: 12px; }
[data-kvid-devtools][data-position='top-left'] [data-part='toggle'] { bottom: auto; top: 12px; right: auto; left: 12px; }
[data-kvid-devtools] [data-part='panel'] {
  position: fixed; z-index: 2147483000; left: 0; right: 0; bottom: 0;
  display: flex; flex-direction: column; min-height: 160px; max-height: 90vh;
  background: var(--kvid-devtools-bg); color: var(--kvid-devtools-text);
  border-top: 1px solid var(--kvid-devtools-border); font: inherit;
}
[data-kvid-devtools] [data-part='resize'] {
  height: 6px; cursor: ns-resize; background: var(--kvid-devtools-border); flex: none;
}
[data-kvid-devtools] [data-part='resize']:focus-visible,
[data-kvid-devtools] button:focus-visible,
[data-kvid-devtools] select:focus-visible,
[data-kvid-devtools] input:focus-visible {
  outline: 2px solid var(--kvid-devtools-accent); outline-offset: 1px;
}
[data-kvid-devtools] [data-part='header'] {
  display: flex; align-items: center; gap: 12px; padding: 4px 8px;
  border-bottom: 1px solid var(--kvid-devtools-border); flex: none;
}
[data-kvid-devtools] h2 { font-size: 13px; font-weight: 600; margin: 0; }
[data-kvid-devtools] h3 { font-size: 12px; font-weight: 600; margin: 8px 0 4px; }
[data-kvid-devtools] button, [data-kvid-devtools] select, [data-kvid-devtools] input {
  font: inherit; color: var(--kvid-devtools-text); background: var(--kvid-devtools-surface);
  border: 1px solid var(--kvid-devtools-border); border-radius: 4px; padding: 2px 8px;
}
[data-kvid-devtools] [role='tab'][aria-selected='true'] { border-color: var(--kvid-devtools-accent); }
[data-kvid-devtools] [data-part='close'] { margin-left: auto; }
[data-kvid-devtools] [role='tabpanel'] { flex: 1; overflow: auto; padding: 8px; }
[data-kvid-devtools] [data-part='split'] { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
[data-kvid-devtools] table { border-collapse: collapse; width: 100%; }
[data-kvid-devtools] th, [data-kvid-devtools] td {
  text-align: left; padding: 2px 8px; border-bottom: 1px solid var(--kvid-devtools-border);
}
[data-kvid-devtools] ol[data-part='timeline'] { list-style: none; margin: 0; padding: 0; }
[data-kvid-devtools] ol[data-part='timeline'] button {
  display: grid; grid-template-columns: 7em 11em 1fr; gap: 8px; width: 100%; text-align: left;
  border: 0; border-radius: 0; background: transparent; padding: 1px 4px;
}
[data-kvid-devtools] ol[data-part='timeline'] button[aria-pressed='true'] { background: var(--kvid-devtools-surface); }
[data-kvid-devtools] ol[data-part='timeline'] button[data-notable] { color: var(--kvid-devtools-warning); }
[data-kvid-devtools] [data-part='muted'] { color: var(--kvid-devtools-muted); }
[data-kvid-devtools] dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
[data-kvid-devtools] dd { margin: 0; }
[data-kvid-devtools] pre {
  font: 12px/1.3 ui-monospace, monospace; white-space: pre-wrap; word-break: break-all;
  background: var(--kvid-devtools-surface); padding: 4px; margin: 4px 0;
}
[data-kvid-devtools] [data-part='toolbar'] { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
[data-kvid-devtools] [role='alert'] { color: var(--kvid-devtools-warning); }
`
