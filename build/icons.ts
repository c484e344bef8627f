/**
 * `npm run icons`: derives the installer icons electron-builder needs from `resources/icon.png`, using only Node:
 *
 * - `resources/icon.icns` (macOS): PNG-compressed entries 16…512 px, including the @2x variants;
 * - `resources/icon.ico` (Windows): 16…128 px as 32-bit bitmaps, 256 px as PNG (what Windows and NSIS expect).
 *
 * Linux uses `resources/icon.png` itself. Committing the derived files means `npm run dist` never has to fetch
 * electron-builder's icon-conversion toolset. Re-run this after changing `resources/icon.png`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { decodePng, encodePng } from './png.ts'
import type { Image } from './png.ts'

/** For each output pixel along one axis, the source pixels it covers and how much of each (area averaging). */
function coverage(from: number, to: number): Array<Array<[index: number, weight: number]>> {
  const scale = from / to
  return Array.from({ length: to }, (_, i) => {
    const start = i * scale
    const end = start + scale
    const taps: Array<[number, number]> = []
    for (let s = Math.floor(start); s < Math.min(Math.ceil(end), from); s++) {
      const weight = Math.min(end, s + 1) - Math.max(start, s)
      if (weight > 0) taps.push([s, weight / scale])
    }
    return taps
  })
}

/** Shrinks `image` to `size`×`size` by area averaging in premultiplied alpha (no dark fringes at the edges). */
export function resize(image: Image, size: number): Image {
  if (size > image.width || size > image.height) {
    throw new Error(`will not enlarge a ${image.width}px icon to ${size}px`)
  }
  const { width, height, data } = image
  const premultiplied = new Float64Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    const alpha = data[i * 4 + 3]! / 255
    premultiplied[i * 4] = data[i * 4]! * alpha
    premultiplied[i * 4 + 1] = data[i * 4 + 1]! * alpha
    premultiplied[i * 4 + 2] = data[i * 4 + 2]! * alpha
    premultiplied[i * 4 + 3] = data[i * 4 + 3]!
  }
  const across = coverage(width, size)
  const down = coverage(height, size)
  const wide = new Float64Array(size * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < size; x++) {
      for (const [s, w] of across[x]!) {
        for (let ch = 0; ch < 4; ch++) wide[(y * size + x) * 4 + ch]! += premultiplied[(y * width + s) * 4 + ch]! * w
      }
    }
  }
  const out = new Uint8Array(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0]
      for (const [s, w] of down[y]!) {
        for (let ch = 0; ch < 4; ch++) sum[ch]! += wide[(s * size + x) * 4 + ch]! * w
      }
      const alpha = sum[3]!
      const at = (y * size + x) * 4
      out[at + 3] = Math.round(alpha)
      for (let ch = 0; ch < 3; ch++) out[at + ch] = alpha > 0 ? Math.min(255, Math.round((sum[ch]! * 255) / alpha)) : 0
    }
  }
  return { width: size, height: size, data: out }
}

/** The entries of `icon.icns`: each OSType with its pixel size (PNG payloads, macOS 10.7+). */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, pixels: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16@2x
  ['icp6', 64],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512] // 256@2x
]

export function makeIcns(source: Image): Buffer {
  const cache = new Map<number, Buffer>()
  const entries = ICNS_TYPES.map(([type, pixels]) => {
    let png = cache.get(pixels)
    if (png === undefined) {
      png = encodePng(pixels === source.width ? source : resize(source, pixels))
      cache.set(pixels, png)
    }
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(entries)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

/** A 32-bit BGRA DIB with its AND mask, as an ICO entry stores images smaller than 256 px. */
function icoBitmap(image: Image): Buffer {
  const { width, height, data } = image
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(width, 4)
  header.writeInt32LE(height * 2, 8) // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12) // planes
  header.writeUInt16LE(32, 14) // bits per pixel
  const pixels = Buffer.alloc(width * height * 4)
  const maskStride = Math.ceil(width / 32) * 4
  const mask = Buffer.alloc(maskStride * height)
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y // bottom-up
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4
      const to = (row * width + x) * 4
      pixels[to] = data[from + 2]!
      pixels[to + 1] = data[from + 1]!
      pixels[to + 2] = data[from]!
      pixels[to + 3] = data[from + 3]!
      if (data[from + 3] === 0) mask[row * maskStride + (x >> 3)]! |= 0x80 >> (x & 7)
    }
  }
  header.writeUInt32LE(pixels.length + mask.length, 20)
  return Buffer.concat([header, pixels, mask])
}

export const ICO_SIZES: readonly number[] = [16, 24, 32, 48, 64, 128, 256]

export function makeIco(source: Image): Buffer {
  const images = ICO_SIZES.map((size) => {
    const image = size === source.width ? source : resize(source, size)
    return { size, bytes: size >= 256 ? encodePng(image) : icoBitmap(image) }
  })
  const head = Buffer.alloc(6 + 16 * images.length)
  head.writeUInt16LE(0, 0)
  head.writeUInt16LE(1, 2) // icon
  head.writeUInt16LE(images.length, 4)
  let offset = head.length
  images.forEach(({ size, bytes }, i) => {
    const at = 6 + 16 * i
    head[at] = size >= 256 ? 0 : size // 0 means 256
    head[at + 1] = size >= 256 ? 0 : size
    head.writeUInt16LE(1, at + 4) // planes
    head.writeUInt16LE(32, at + 6) // bits per pixel
    head.writeUInt32LE(bytes.length, at + 8)
    head.writeUInt32LE(offset, at + 12)
    offset += bytes.length
  })
  return Buffer.concat([head, ...images.map((image) => image.bytes)])
}

if (import.meta.main) {
  const resources = join(dirname(import.meta.dirname), 'resources')
  const source = decodePng(readFileSync(join(resources, 'icon.png')))
  if (source.width !== source.height || source.width < 512) {
    throw new Error(`resources/icon.png must be square and at least 512×512, not ${source.width}×${source.height}`)
  }
  writeFileSync(join(resources, 'icon.icns'), makeIcns(source))
  writeFileSync(join(resources, 'icon.ico'), makeIco(source))
  process.stdout.write('wrote resources/icon.icns and resources/icon.ico\n')
}
