import { createRandom, hashString } from './random'

/** Longest picture URL the simulator makes: checkpoints carry one per scene, so keep it small. */
export const PICTURE_URL_MAX_LENGTH = 1000

function hex(red: number, green: number, blue: number): string {
  return `#${[red, green, blue].map((part) => Math.round(part).toString(16).padStart(2, '0')).join('')}`
}

/** A colour from hue (degrees), saturation and lightness (0–1), as `#rrggbb`. */
function colour(hue: number, saturation: number, lightness: number): string {
  const amount = saturation * Math.min(lightness, 1 - lightness)
  const part = (offset: number) => {
    const turn = (offset + hue / 30) % 12
    return lightness - amount * Math.max(-1, Math.min(turn - 3, 9 - turn, 1))
  }
  return hex(part(0) * 255, part(8) * 255, part(4) * 255)
}

/**
 * Escapes only what a data URL cannot hold as it is. The SVG uses single quotes, so the
 * result stays short: about 400 characters.
 */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${svg.replace(/[%#<>"\s]/g, (character) => encodeURIComponent(character))}`
}

/**
 * A small 16:9 SVG picture for one piece of generated media, as a `data:` URL: a sky, a
 * sun and hills in colours that depend only on `key`, with `label` (a scene number) in the
 * corner when given. The simulator puts these in assets' `remoteUrl`, so a page shows pictures
 * without any network and wherever the simulator runs (in a server, a service worker or
 * in-process).
 */
export function pictureUrl(key: string, label: string): string {
  // Through the generator: keys that differ in one character get far-apart hues.
  const hue = Math.floor(createRandom(hashString(key))() * 360)
  const text = label.replace(/[^\p{L}\p{N} -]/gu, '').slice(0, 4)
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 160 90' width='160' height='90'>` +
    `<rect width='160' height='90' fill='${colour(hue, 0.6, 0.72)}'/>` +
    `<circle cx='124' cy='26' r='13' fill='${colour((hue + 50) % 360, 0.9, 0.82)}'/>` +
    `<path d='M0 90V58l38-22 34 26 26-16 62 30v14z' fill='${colour((hue + 180) % 360, 0.45, 0.28)}'/>` +
    (text
      ? `<text x='10' y='28' font-family='sans-serif' font-size='22' font-weight='700' fill='#111'>${text}</text>`
      : '') +
    `</svg>`
  return svgDataUrl(svg)
}
