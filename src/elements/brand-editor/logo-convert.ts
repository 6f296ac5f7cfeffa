/**
 * Loaded only when a chosen logo is an image the API does not take as it is (BMP, ICO, TIFF,
 * HEIC, …): the browser decodes it and it is re-encoded as PNG on a canvas, so "any format" means
 * any format this browser can open. Resolves null when the browser cannot decode it.
 */
export async function toPng(file: Blob): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  const drawn = (await drawBitmap(file, canvas)) || (await drawImage(file, canvas));
  if (!drawn) return null;
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
}

function paint(canvas: HTMLCanvasElement, source: CanvasImageSource, width: number, height: number): boolean {
  const context = width && height ? canvas.getContext('2d') : null;
  if (!context) return false;
  canvas.width = width;
  canvas.height = height;
  context.drawImage(source, 0, 0);
  return true;
}

async function drawBitmap(file: Blob, canvas: HTMLCanvasElement): Promise<boolean> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return false; // not decodable this way: try an <img>
  }
  try {
    return paint(canvas, bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

async function drawImage(file: Blob, canvas: HTMLCanvasElement): Promise<boolean> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return paint(canvas, image, image.naturalWidth, image.naturalHeight);
  } catch {
    return false; // the browser cannot open it
  } finally {
    URL.revokeObjectURL(url);
  }
}
