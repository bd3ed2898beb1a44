import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Draws the Teams app icons: two linked rings (cooperation) in white.
 * - color.png, 192×192: the rings on the accent colour, inside Teams' 96 px safe area-ish.
 * - outline.png, 32×32: the rings alone, white on transparent, no anti-aliasing (Teams wants
 *   every pixel either transparent or white).
 * Run `npx tsx manifest/teams/icons.ts` to write both next to this file.
 */

export const ACCENT = { r: 0x1f, g: 0x5f, b: 0x8b } as const;

interface Ring {
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly thickness: number;
}

/** Two rings side by side, scaled to a square of `size` pixels. */
function rings(size: number, scale: number): Ring[] {
  const c = size / 2;
  const radius = 0.2 * size * scale;
  const offset = 0.13 * size * scale;
  const thickness = Math.max(2, 0.05 * size * scale);
  return [
    { cx: c - offset, cy: c, radius, thickness },
    { cx: c + offset, cy: c, radius, thickness },
  ];
}

function onRing(x: number, y: number, ring: Ring): boolean {
  const d = Math.hypot(x - ring.cx, y - ring.cy);
  return Math.abs(d - ring.radius) <= ring.thickness / 2;
}

export function drawColorIcon(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  const shapes = rings(size, 1);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          if (shapes.some((ring) => onRing(px, py, ring))) covered++;
        }
      }
      const a = covered / (samples * samples);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * a);
      png.data[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * a);
      png.data[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * a);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

export function drawOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  const shapes = rings(size, 1.15);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const white = shapes.some((ring) => onRing(x + 0.5, y + 0.5, ring));
      const i = (y * size + x) * 4;
      png.data[i] = white ? 255 : 0;
      png.data[i + 1] = white ? 255 : 0;
      png.data[i + 2] = white ? 255 : 0;
      png.data[i + 3] = white ? 255 : 0;
    }
  }
  return png;
}

export function writeIcons(dir: string = fileURLToPath(new URL('.', import.meta.url))): void {
  writeFileSync(`${dir}/color.png`, PNG.sync.write(drawColorIcon()));
  writeFileSync(`${dir}/outline.png`, PNG.sync.write(drawOutlineIcon()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeIcons();
  console.log('wrote manifest/teams/color.png and manifest/teams/outline.png');
}
