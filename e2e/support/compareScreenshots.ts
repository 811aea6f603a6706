// Compares two PNG screenshots pixel by pixel in the browser's own decoder (a canvas), so the
// tests need no image library: the share of pixels whose colour differs noticeably.
import type { Page } from 'playwright-core';

export interface ScreenshotDifference {
  /** Share of pixels that differ by more than the tolerance in any channel, 0 to 1. */
  ratio: number;
  width: number;
  height: number;
}

export async function compareScreenshots(
  page: Page,
  before: Buffer,
  after: Buffer,
  tolerance = 4,
): Promise<ScreenshotDifference> {
  return page.evaluate(
    async ({ a, b, tolerance }) => {
      const load = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        return image;
      };
      const [first, second] = await Promise.all([load(a), load(b)]);
      const width = Math.min(first.naturalWidth, second.naturalWidth);
      const height = Math.min(first.naturalHeight, second.naturalHeight);
      const pixels = (image: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('No 2D canvas');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, width, height).data;
      };
      const [p, q] = [pixels(first), pixels(second)];
      let differing = 0;
      for (let index = 0; index < p.length; index += 4) {
        if (
          Math.abs(p[index]! - q[index]!) > tolerance ||
          Math.abs(p[index + 1]! - q[index + 1]!) > tolerance ||
          Math.abs(p[index + 2]! - q[index + 2]!) > tolerance
        ) {
          differing += 1;
        }
      }
      return { ratio: differing / (width * height), width, height };
    },
    { a: before.toString('base64'), b: after.toString('base64'), tolerance },
  );
}
