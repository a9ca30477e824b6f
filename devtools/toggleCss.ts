/** The host and the toggle: all that is styled before the panel is loaded. */
export const toggleCss = `
:host {
  all: initial;
  position: fixed;
  z-index: 2147483646;
  inset: auto;
}
:host([data-position='bottom-right']) { right: 12px; bottom: 12px; }
:host([data-position='bottom-left']) { left: 12px; bottom: 12px; }
:host([data-position='top-right']) { right: 12px; top: 12px; }
:host([data-position='top-left']) { left: 12px; top: 12px; }
.vexil-toggle {
  font: 600 13px/1 system-ui, sans-serif;
  padding: 8px 12px;
  border-radius: 999px;
  border: 1px solid #5b4bd6;
  background: #5b4bd6;
  color: #fff;
  cursor: pointer;
  box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
}
.vexil-toggle:focus-visible { outline: 3px solid #f5a524; outline-offset: 2px; }
.vexil-toggle[hidden] { display: none; }
`
