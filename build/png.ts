/**
 * The PNG codec `npm run icons` needs, in plain Node: read the 8-bit RGB/RGBA PNGs icon editors export, and
 * write RGBA PNGs (the payload of every icns entry and of the ico's 256 px image).
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib'

/** A straight-alpha RGBA image, 8 bits per channel, rows top to bottom. */
export interface Image {
  width: number
  height: number
  data: Uint8Array
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height from a PNG's IHDR chunk, or null when `bytes` is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    return null
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** PNG filter types 0–4: what a byte is predicted from its left (a), upper (b) and upper-left (c) neighbours. */
function predict(filter: number, a: number, b: number, c: number): number {
  return filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c)
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what icon editors export). */
export function decodePng(bytes: Uint8Array): Image {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file')
  let width = 0
  let height = 0
  let colorType = -1
  const idat: Buffer[] = []
  for (let at = 8; at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    const body = buf.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const [bitDepth, color, , , interlace] = [body[8], body[9], body[10], body[11], body[12]]
      if (bitDepth !== 8 || (color !== 2 && color !== 6) || interlace !== 0) {
        throw new Error('only 8-bit, non-interlaced RGB/RGBA PNGs are supported')
      }
      colorType = color
    } else if (type === 'IDAT') {
      idat.push(body)
    } else if (type === 'IEND') {
      break
    }
    at += 12 + length
  }
  if (colorType < 0 || width === 0 || height === 0) throw new Error('PNG has no IHDR chunk')
  const channels = colorType === 6 ? 4 : 3
  const stride = width * channels
  const raw = inflateSync(Buffer.concat(idat))
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data is truncated')
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const row = y * stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels]! : 0
      const b = y > 0 ? pixels[row - stride + x]! : 0
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels]! : 0
      const value = line[x]!
      if (filter === undefined || filter > 4) throw new Error(`unknown PNG filter ${filter}`)
      const predicted = predict(filter, a, b, c)
      pixels[row + x] = (value + predicted) & 0xff
    }
  }
  if (channels === 4) return { width, height, data: pixels }
  const data = new Uint8Array(width * height * 4)
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    data[j] = pixels[i]!
    data[j + 1] = pixels[i + 1]!
    data[j + 2] = pixels[i + 2]!
    data[j + 3] = 255
  }
  return { width, height, data }
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body, crc32(head.subarray(4))), 0)
  return Buffer.concat([head, body, crc])
}

/** Encodes an RGBA PNG, choosing each row's filter by the usual minimum-sum-of-differences heuristic. */
export function encodePng(image: Image): Buffer {
  const { width, height, data } = image
  const stride = width * 4
  const out = Buffer.alloc(height * (stride + 1))
  const candidate = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    let bestScore = Infinity
    for (let filter = 0; filter <= 4; filter++) {
      let score = 0
      for (let x = 0; x < stride; x++) {
        const at = y * stride + x
        const a = x >= 4 ? data[at - 4]! : 0
        const b = y > 0 ? data[at - stride]! : 0
        const c = x >= 4 && y > 0 ? data[at - stride - 4]! : 0
        const value = (data[at]! - predict(filter, a, b, c)) & 0xff
        candidate[x] = value
        score += value < 128 ? value : 256 - value
      }
      if (score < bestScore) {
        bestScore = score
        out[y * (stride + 1)] = filter
        out.set(candidate, y * (stride + 1) + 1)
      }
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(out, { level: 9 })),
    chunk('IEND', new Uint8Array(0))
  ])
}
