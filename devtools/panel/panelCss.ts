// Dark colours, for the dark theme and for the system theme on a dark system.
const darkTheme = `
  --vexil-bg: #17161c;
  --vexil-fg: #ecebf2;
  --vexil-muted: #a5a1b5;
  --vexil-border: #36333f;
  --vexil-subtle: #222029;
  --vexil-accent: #9d90ff;
  --vexil-override: #ffb45c;
  --vexil-override-bg: #33260f;
  --vexil-danger: #ff7b86;
  color-scheme: dark;
`

/** The panel's styles, injected into its shadow root only: nothing reaches the page. */
export const panelCss = `
.vexil-panel {
  --vexil-bg: #ffffff;
  --vexil-fg: #1d1b26;
  --vexil-muted: #5f5b6e;
  --vexil-border: #d9d6e3;
  --vexil-subtle: #f4f3f8;
  --vexil-accent: #5b4bd6;
  --vexil-override: #b25e00;
  --vexil-override-bg: #fff4e5;
  --vexil-danger: #c22d3a;
  --vexil-focus: #f5a524;
  color-scheme: light;
  position: fixed;
  right: 12px;
  bottom: 12px;
  width: min(600px, calc(100vw - 24px));
  height: min(680px, calc(100vh - 24px));
  display: flex;
  flex-direction: column;
  box-sizing: border-box;
  background: var(--vexil-bg);
  color: var(--vexil-fg);
  border: 1px solid var(--vexil-border);
  border-radius: 10px;
  box-shadow: 0 12px 40px rgb(0 0 0 / 30%);
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif;
  text-align: left;
  overflow: hidden;
}
:host([data-position^='top']) .vexil-panel { top: 12px; bottom: auto; }
:host([data-position$='left']) .vexil-panel { left: 12px; right: auto; }
.vexil-panel[data-theme='dark'] { ${darkTheme} }
@media (prefers-color-scheme: dark) {
  .vexil-panel[data-theme='system'] { ${darkTheme} }
}
.vexil-panel *, .vexil-panel *::before, .vexil-panel *::after { box-sizing: border-box; }
.vexil-panel :focus-visible { outline: 2px solid var(--vexil-focus); outline-offset: 1px; }
.vexil-panel button, .vexil-panel input, .vexil-panel select, .vexil-panel textarea {
  font: inherit;
  color: inherit;
  background: var(--vexil-subtle);
  border: 1px solid var(--vexil-border);
  border-radius: 6px;
  padding: 4px 8px;
}
.vexil-panel button { cursor: pointer; }
.vexil-panel button:disabled, .vexil-panel fieldset:disabled * { cursor: not-allowed; opacity: 0.6; }
.vexil-panel code, .vexil-panel pre, .vexil-panel textarea { font-family: ui-monospace, Menlo, Consolas, monospace; }
.header { display: flex; align-items: center; justify-content: space-between; padding: 8px 12px; border-bottom: 1px solid var(--vexil-border); }
.title { margin: 0; font-size: 14px; }
.close { font-size: 18px; line-height: 1; }
.status-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 6px 12px; border-bottom: 1px solid var(--vexil-border); }
.status { display: flex; gap: 16px; margin: 0; }
.status dt, .facts dt { color: var(--vexil-muted); font-size: 11px; }
.status dd, .facts dd { margin: 0; }
[data-status='error'] { color: var(--vexil-danger); font-weight: 600; }
.tabs { display: flex; gap: 4px; padding: 6px 12px 0; border-bottom: 1px solid var(--vexil-border); }
.vexil-panel .tab { border-radius: 6px 6px 0 0; border-bottom: none; background: transparent; }
.vexil-panel .tab[aria-selected='true'] { background: var(--vexil-subtle); font-weight: 600; color: var(--vexil-accent); }
.tabpanel { flex: 1; overflow: auto; padding: 8px 12px 12px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.toolbar input[type='search'] { flex: 1; min-width: 160px; }
.share { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.share-link { display: flex; gap: 6px; align-items: center; width: 100%; }
.share-link input { flex: 1; min-width: 0; }
.count, .note, .empty, .hint { color: var(--vexil-muted); margin: 4px 0 8px; }
.error { color: var(--vexil-danger); margin: 4px 0; overflow-wrap: anywhere; }
.flag-list, .log { list-style: none; margin: 0; padding: 0; }
.flag { border: 1px solid var(--vexil-border); border-radius: 8px; padding: 8px; margin-bottom: 8px; }
.flag.overridden { border-color: var(--vexil-override); background: var(--vexil-override-bg); }
.flag-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.key { font-weight: 600; overflow-wrap: anywhere; }
.badge { font-size: 11px; border-radius: 999px; padding: 1px 8px; border: 1px solid var(--vexil-border); }
.badge-override { border-color: var(--vexil-override); color: var(--vexil-override); font-weight: 600; }
.badge-exposed { color: var(--vexil-accent); border-color: var(--vexil-accent); }
.badge-warning { color: var(--vexil-danger); border-color: var(--vexil-danger); font-weight: 600; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 0; }
.facts dd { overflow-wrap: anywhere; max-height: 6em; overflow: auto; }
.override { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; border: none; margin: 0; padding: 0; min-width: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.field { display: flex; gap: 6px; align-items: center; }
.value-form { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-start; flex: 1; }
.value-form input, .value-form textarea { flex: 1; min-width: 120px; }
.context textarea { width: 100%; margin: 4px 0; }
.context .field { flex-direction: column; align-items: stretch; }
.context pre { background: var(--vexil-subtle); padding: 8px; border-radius: 6px; overflow: auto; max-height: 12em; }
.vexil-panel .switch { display: inline-flex; gap: 6px; align-items: center; }
.switch-track { width: 26px; height: 14px; border-radius: 999px; background: var(--vexil-border); position: relative; }
.switch-track::after { content: ''; position: absolute; top: 2px; left: 2px; width: 10px; height: 10px; border-radius: 50%; background: var(--vexil-bg); transition: left 0.1s; }
.switch[aria-checked='true'] .switch-track { background: var(--vexil-accent); }
.switch[aria-checked='true'] .switch-track::after { left: 14px; }
.reset { margin-top: 6px; }
.log-entry { display: grid; grid-template-columns: auto auto 1fr; gap: 8px; padding: 3px 0; border-bottom: 1px solid var(--vexil-border); align-items: baseline; }
.log-entry[data-type='error'] .badge { color: var(--vexil-danger); border-color: var(--vexil-danger); }
.summary { overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
@media (prefers-reduced-motion: reduce) { .switch-track::after { transition: none; } }
`
