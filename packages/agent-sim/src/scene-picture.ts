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
 * result stays short: under 350 characters.
 */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${svg.replace(/[%#<>"\s]/g, (character) => encodeURIComponent(character))}`
}

/**
 * A small 16:9 SVG picture for one piece of generated media, as a `data:` URL: a sky, a
 * sun and hills in colours that depend only on `key`, with `label` (a scene number) in the
 * corner when given. It has a viewBox and no size of its own: whatever shows it sets one.
 * The simulator puts these in assets' `remoteUrl`, so a page shows pictures without any
 * network and wherever the simulator runs (in a server, a service worker or in-process).
 */
export function pictureUrl(key: string, label: string): string {
  // Through the generator: keys that differ in one character get far-apart hues.
  const hue = Math.floor(createRandom(hashString(key))() * 360)
  const text = label.replace(/[^\p{L}\p{N} -]/gu, '').slice(0, 4)
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 9'>` +
    `<path fill='${colour(hue, 0.6, 0.72)}' d='M0 0h16v9H0z'/>` +
    `<circle fill='${colour((hue + 50) % 360, 0.9, 0.82)}' cx='12.4' cy='2.6' r='1.3'/>` +
    `<path fill='${colour((hue + 180) % 360, 0.45, 0.28)}' d='M0 9V5.8l3.8-2.2 3.4 2.6 2.6-1.6L16 7.6V9z'/>` +
    (text ? `<text x='1' y='2.9' font-size='2.4' fill='#111'>${text}</text>` : '') +
    `</svg>`
  return svgDataUrl(svg)
}
