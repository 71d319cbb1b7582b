/**
 * The stylesheet of a new Vite React app (its index.css and App.css), which users meet
 * first: centred text on #root, large headings, its own buttons and links, a flex column,
 * light or dark by the system's scheme. For the test and the story that prove the
 * components keep their own look in such a page.
 */
export const VITE_TEMPLATE_STYLES = `
:root {
  font-family: Inter, system-ui, Avenir, Helvetica, Arial, sans-serif;
  line-height: 1.1;
  font-weight: 400;
  color-scheme: light dark;
  color: rgba(255, 255, 255, 0.87);
  background-color: #242424;
}
a { font-weight: 500; color: #646cff; text-decoration: inherit; }
body { margin: 0; display: flex; place-items: center; min-width: 320px; min-height: 100vh; }
h1, h2 { font-size: 3.2em; line-height: 1.1; font-weight: 800; }
button {
  border-radius: 8px; border: 1px solid transparent; padding: 0.6em 1.2em; font-size: 1em;
  font-weight: 500; font-family: inherit; background-color: #1a1a1a; cursor: pointer;
  transition: border-color 0.25s;
}
button:focus, button:focus-visible { outline: 4px auto -webkit-focus-ring-color; }
@media (prefers-color-scheme: light) {
  :root { color: #213547; background-color: #ffffff; }
  button { background-color: #f9f9f9; }
}
#root {
  max-width: 1280px; margin: 0 auto; padding: 2rem; text-align: center;
  display: flex; flex-direction: column;
}
`
