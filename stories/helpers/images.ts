/**
 * Small images in formats the API does not take as they are, written byte by byte (no fixture
 * files): the brand editor converts them to PNG in the browser. Used by the brand editor's stories
 * and its conversion tests.
 */

type Rgba = readonly [number, number, number, number];

/** A 24-bit BMP (BITMAPINFOHEADER, rows bottom-up, each padded to 4 bytes); `pixels[y][x]`, top row first. */
export function bmpBytes(pixels: readonly (readonly Rgba[])[]): Uint8Array<ArrayBuffer> {
  const height = pixels.length;
  const width = pixels[0]!.length;
  const stride = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + stride * height;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out.set([0x42, 0x4d]); // "BM"
  v.setUint32(2, size, true);
  v.setUint32(10, 54, true); // pixel data offset
  v.setUint32(14, 40, true); // header size
  v.setInt32(18, width, true);
  v.setInt32(22, height, true); // positive: bottom-up
  v.setUint16(26, 1, true); // planes
  v.setUint16(28, 24, true); // bits per pixel
  v.setUint32(34, stride * height, true);
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * stride;
    pixels[y]!.forEach(([r, g, b], x) => out.set([b, g, r], row + x * 3));
  }
  return out;
}

/** An ICO with one 32-bit BGRA DIB image (height doubled for the AND mask, all opaque); `pixels[y][x]`, top row first. */
export function icoBytes(pixels: readonly (readonly Rgba[])[]): Uint8Array<ArrayBuffer> {
  const height = pixels.length;
  const width = pixels[0]!.length;
  const maskStride = Math.ceil(width / 32) * 4;
  const dib = 40 + width * height * 4 + maskStride * height;
  const out = new Uint8Array(6 + 16 + dib);
  const v = new DataView(out.buffer);
  v.setUint16(2, 1, true); // type: icon
  v.setUint16(4, 1, true); // one image
  out.set([width, height, 0, 0], 6);
  v.setUint16(10, 1, true); // planes
  v.setUint16(12, 32, true); // bits per pixel
  v.setUint32(14, dib, true);
  v.setUint32(18, 22, true); // offset of the image
  v.setUint32(22, 40, true);
  v.setInt32(26, width, true);
  v.setInt32(30, height * 2, true);
  v.setUint16(34, 1, true);
  v.setUint16(36, 32, true);
  for (let y = 0; y < height; y++) {
    const row = 62 + (height - 1 - y) * width * 4;
    pixels[y]!.forEach(([r, g, b, a], x) => out.set([b, g, r, a], row + x * 4));
  }
  return out; // the AND mask stays zero: every pixel shown
}

export const RED: Rgba = [220, 20, 60, 255];
export const BLUE: Rgba = [30, 90, 200, 255];

/** A 3 × 2 BMP: red top-left, blue elsewhere. */
export const bmpFile = (name = 'logo.bmp', type = 'image/bmp') =>
  new File([bmpBytes([[RED, BLUE, BLUE], [BLUE, BLUE, BLUE]])], name, {type});

/** A 2 × 2 ICO: blue top-right, red elsewhere. */
export const icoFile = (name = 'favicon.ico', type = 'image/x-icon') =>
  new File([icoBytes([[RED, BLUE], [RED, RED]])], name, {type});

/** Bytes no browser decodes (a camera raw name, no image inside), declared as an image type the API does not take. */
export const undecodableFile = () => new File([new Uint8Array([0x00, 0x6e, 0x6f, 0x20, 0x69, 0x6d, 0x61, 0x67, 0x65, 1, 2, 3, 4])], 'logo.raw', {type: 'image/x-raw'});
